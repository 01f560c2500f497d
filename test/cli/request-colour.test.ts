import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { colorForPipe, rememberedColorConfig } from '../../src/config/color-config.js';
import { readLitecodeGitConfig } from '../../src/config/read-git-config.js';
import { agentScene, apiWithRetry, planReply, retryPlan } from '../agent/agent-scene.js';
import { hermeticEnv, useEnv } from '../support/hermetic-env.js';

/**
 * Colour into a pipe is decided from the entries litecode's one `git config` run of settings
 * already listed (color.litecode, color.ui, diff.color), exactly as `git config --get-colorbool
 * color.litecode false` decides it, and a request pays no git process for it.
 */

const values: Array<string | null> = ['always', 'ALWAYS', 'never', 'auto', 'true', 'false', 'yes', 'off', '1', '0', '2k', '', null, 'maybe'];

/** A config file from [key, value] pairs; a null value is a key written without `=`. */
function configText(entries: Array<[string, string | null]>): string {
  return entries.map(([key, value]) => {
    const [section, name] = key.split('.') as [string, string];
    return `[${section}]\n\t${name}${value === null ? '' : ` = ${JSON.stringify(value)}`}\n`;
  }).join('');
}

test('the colour decided for a pipe from the settings read is what git config --get-colorbool answers, for every kind of value', async () => {
  const env = hermeticEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-colour-')));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    const cases: Array<Array<[string, string | null]>> = [
      [],
      ...values.map((value): Array<[string, string | null]> => [['color.ui', value]]),
      ...values.map((value): Array<[string, string | null]> => [['color.ui', 'always'], ['color.litecode', value]]),
      ...values.map((value): Array<[string, string | null]> => [['color.litecode', value], ['color.ui', 'never']]),
      [['color.litecode', 'never'], ['color.litecode', 'always']],
      [['color.ui', 'always'], ['diff.color', 'maybe']],
      [['color.ui', 'always'], ['diff.color', 'never']],
      [['Color.UI', 'always']],
      [['color.ui', 'always'], ['litecode.model', 'qwen2.5-coder:7b']],
    ];
    for (const entries of cases) {
      writeFileSync(join(dir, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n${configText(entries)}`);
      useEnv(env);
      await readLitecodeGitConfig(dir);
      const remembered = rememberedColorConfig(dir);
      assert.ok(remembered, 'the settings read remembered the colour entries');
      const git = spawnSync('git', ['config', '--get-colorbool', 'color.litecode', 'false'], { cwd: dir, env, encoding: 'utf8' });
      const gitSays = git.status === 0 && git.stdout.trim() === 'true';
      assert.is(colorForPipe(remembered!), gitSays, `${JSON.stringify(entries)}: git says ${gitSays} (${git.stderr.trim()})`);
    }
    // Another directory's read is not used for this one.
    assert.is(rememberedColorConfig(join(dir, 'elsewhere')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
  }
});

test('an edit into a pipe colours as git config says and starts no git config --get-colorbool; with git\'s pager in use git is asked', async () => {
  const oneEdit = [planReply(retryPlan), { match: { purpose: 'edit' }, content: apiWithRetry }];
  const scene = await agentScene('js-app', [...oneEdit, ...oneEdit, ...oneEdit, ...oneEdit, ...oneEdit]);
  const traceDir = mkdtempSync(join(tmpdir(), 'litecode-colour-trace-'));
  try {
    const config = (pairs: Array<[string, string]>) => ({
      GIT_CONFIG_COUNT: String(pairs.length),
      ...Object.fromEntries(pairs.flatMap(([key, value], index) => [[`GIT_CONFIG_KEY_${index}`, key], [`GIT_CONFIG_VALUE_${index}`, value]])),
    });
    const runs: Array<[string, Record<string, string | undefined>, boolean, boolean]> = [
      // name, environment, colour expected, get-colorbool process expected
      ['no colour config', {}, false, false],
      ['color.ui=always', config([['color.ui', 'always']]), true, false],
      ['color.ui=always, color.litecode=never', config([['color.ui', 'always'], ['color.litecode', 'never']]), false, false],
      ['color.litecode=always without NO_COLOR', { ...config([['color.litecode', 'always']]), NO_COLOR: undefined }, true, false],
      ["git's pager in use", { GIT_PAGER_IN_USE: 'true', NO_COLOR: undefined, TERM: 'xterm' }, true, true],
    ];
    for (const [index, [name, extraEnv, colour, asked]] of runs.entries()) {
      const trace = join(traceDir, `${index}.json`);
      const result = await scene.litecode(['add retry with backoff to fetchUser in src/api.js'], { extraEnv: { ...extraEnv, GIT_TRACE2_EVENT: trace } });
      assert.is(result.exitCode, 0, `${name}: ${result.stderr}`);
      assert.is(result.stdout.includes('\x1b['), colour, `${name}: ${JSON.stringify(result.stdout.slice(0, 200))}`);
      const colorbool = readFileSync(trace, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
        .filter((event) => event.event === 'start' && event.argv?.includes('--get-colorbool'));
      assert.is(colorbool.length, asked ? 1 : 0, `${name}: git config --get-colorbool processes`);
      for (const branch of scene.agentBranches()) scene.git(['update-ref', '-d', `refs/heads/${branch}`]);
    }
  } finally {
    await scene.close();
    rmSync(traceDir, { recursive: true, force: true });
  }
});

test.run();
