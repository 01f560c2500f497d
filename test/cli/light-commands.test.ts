import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, makeAgentCommit, openRepository } from '../git/agent-commit-helpers.js';
import { buildFixtureRepo } from '../support/fixture-repos.js';
import { hermeticEnv } from '../support/hermetic-env.js';
import { binPath } from '../support/run-cli.js';

const recorder = fileURLToPath(new URL('../support/module-load-recorder.mjs', import.meta.url));
const heavy = /\/node_modules\/(tiktoken|web-tree-sitter|@vscode\/tree-sitter-wasm|ollama|groq-sdk)\//;
const helpRenderer = /\/node_modules\/(cliui|string-width)\//;

/** Runs the CLI and returns the URLs of every module it loaded. */
async function loadedModules(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ modules: string[]; exitCode: number | null; stderr: string }> {
  const log = join(mkdtempSync(join(tmpdir(), 'litecode-modules-')), 'modules.txt');
  const child = spawn(process.execPath, ['--import', recorder, binPath, ...args], { cwd, env: { ...env, MODULE_LOAD_LOG: log }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const modules = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(join(log, '..'), { recursive: true, force: true });
  return { modules, exitCode, stderr };
}

test('log, status, show, config, gc and --version load neither the model clients, the tokenizer, the parsers nor the help renderer', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  try {
    const repository = await openRepository(fixture.dir, env);
    await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    await makeAgentCommit(repository, { request: 'also add a timeout', files: { 'src/api.js': 'retry and timeout\n' }, followUp: true });
    assert.is(git(fixture.dir, env, ['rev-list', '--count', 'litecode/add-retry-to-fetchuser']).length > 0, true);

    // The recorder itself works: help loads its renderer, a request loads the model clients.
    const help = await loadedModules(['--help'], fixture.dir, env);
    assert.ok(help.modules.some((url) => helpRenderer.test(url)), 'the recorder sees help load cliui');

    for (const args of [['log'], ['status'], ['show'], ['show', '--json'], ['config'], ['gc'], ['--version'], ['log', '--color=always']]) {
      const { modules, exitCode, stderr } = await loadedModules(args, fixture.dir, env);
      assert.is(exitCode, 0, `${args.join(' ')}: ${stderr}`);
      assert.ok(args[0] === '--version' || modules.some((url) => url.includes('/dist/cli/main.js')), `${args.join(' ')}: modules were recorded`);
      const loadedHeavy = modules.filter((url) => heavy.test(url));
      assert.equal(loadedHeavy, [], `${args.join(' ')} loaded ${loadedHeavy.join(', ')}`);
      const loadedHelp = modules.filter((url) => helpRenderer.test(url));
      assert.equal(loadedHelp, [], `${args.join(' ')} loaded the help renderer`);
      const otherCommands = modules.filter((url) => /\/dist\/cli\/actions\//.test(url) && !url.includes(actionOf(args[0]!)));
      assert.equal(otherCommands, [], `${args.join(' ')} loaded other commands' actions`);
    }
  } finally {
    fixture.cleanup();
  }
});

function actionOf(command: string): string {
  return { log: 'list-agent-commits', status: 'pending-status', show: 'show-change', config: 'config', gc: 'remove-leftovers', '--version': 'none' }[command] ?? command;
}

test.run();
