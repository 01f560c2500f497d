import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
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
      assert.ok(args[0] === '--version' || modules.some((url) => url.includes('/dist/bundle/main.js')), `${args.join(' ')}: modules were recorded`);
      const loadedHeavy = modules.filter((url) => heavy.test(url));
      assert.equal(loadedHeavy, [], `${args.join(' ')} loaded ${loadedHeavy.join(', ')}`);
      const loadedHelp = modules.filter((url) => helpRenderer.test(url));
      assert.equal(loadedHelp, [], `${args.join(' ')} loaded the help renderer`);
      const otherCommands = modules.filter((url) => actionNames.some((name) => name !== actionOf(args[0]!) && isActionModule(url, name)));
      assert.equal(otherCommands, [], `${args.join(' ')} loaded other commands' actions`);
    }
  } finally {
    fixture.cleanup();
  }
});

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Our own files (not node_modules') among the loaded modules' URLs, as paths from the package root. */
function ownFiles(modules: string[]): string[] {
  const urls = [...new Set(modules)];
  return urls.filter((url) => url.startsWith('file:')).map((url) => relative(root, fileURLToPath(url))).filter((path) => !path.startsWith('..') && !path.split(sep).includes('node_modules'));
}

test('log, status, show and config start from the bundle: three or four of our files, and none of yargs\' ~28', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  try {
    const repository = await openRepository(fixture.dir, env);
    await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    for (const args of [['log'], ['status'], ['show'], ['config']]) {
      const { modules, exitCode, stderr } = await loadedModules(args, fixture.dir, env);
      assert.is(exitCode, 0, `${args.join(' ')}: ${stderr}`);
      const own = ownFiles(modules);
      // bin/git-litecode.mjs, dist/bundle/main.js and the light commands' chunk (and status' own): ~45 files before the bundle.
      const limit = args[0] === 'status' ? 4 : 3;
      assert.ok(own.length <= limit, `${args.join(' ')} loaded ${own.length} of our files: ${own.join(', ')}`);
      assert.ok(own.includes(join('dist', 'bundle', 'main.js')), `${args.join(' ')} runs the bundle: ${own.join(', ')}`);
      // (yargs' entry point is resolved, to find its locales, but not loaded.)
      const parser = modules.filter((url) => /\/node_modules\/(yargs\/build|yargs-parser|y18n|escalade|get-caller-file)\//.test(url));
      assert.equal(parser, [], `${args.join(' ')} loaded yargs' files one by one`);
    }
  } finally {
    fixture.cleanup();
  }
});

test('the package ships every file the CLI loads (package.json "files")', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  try {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, env: { ...process.env, npm_config_loglevel: 'silent' }, encoding: 'utf8' });
    assert.is(packed.status, 0, packed.stderr);
    const shipped = new Set((JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path));
    for (const args of [['log'], ['gc'], ['--help']]) {
      const { modules, exitCode, stderr } = await loadedModules(args, fixture.dir, env);
      assert.is(exitCode, 0, `${args.join(' ')}: ${stderr}`);
      const missing = ownFiles(modules).map((path) => path.split(sep).join('/')).filter((path) => !shipped.has(path));
      assert.equal(missing, [], `${args.join(' ')} loads files the package does not ship`);
    }
  } finally {
    fixture.cleanup();
  }
});

test('LITECODE_DEBUG=1: an unexpected failure\'s stack names dist/\'s modules and lines, not the bundle\'s', async () => {
  const env = hermeticEnv();
  const fixture = await buildFixtureRepo('js-app', { env });
  const preloadDirectory = mkdtempSync(join(tmpdir(), 'litecode-preload-'));
  try {
    const repository = await openRepository(fixture.dir, env);
    await makeAgentCommit(repository, { request: 'add retry to fetchUser', files: { 'src/api.js': 'retry\n' } });
    // Writing the log fails: an unexpected failure, as a bug of ours would be.
    const preload = join(preloadDirectory, 'stdout-fails.cjs');
    writeFileSync(preload, "process.stdout.write = () => { throw new Error('stdout fails'); };\n");
    const run = spawnSync(process.execPath, ['--require', preload, binPath, 'log'], { cwd: fixture.dir, env: { ...env, LITECODE_DEBUG: '1' }, encoding: 'utf8' });
    assert.is.not(run.status, 0);
    assert.match(run.stderr, /error: unexpected failure: stdout fails/);
    const frames = run.stderr.split('\n').filter((line) => /^\s+at .*\/dist\//.test(line));
    assert.ok(frames.some((line) => /\/dist\/cli\/[\w/-]+\.js:\d+:\d+/.test(line)), `frames in dist/cli/: ${run.stderr}`);
    assert.equal(frames.filter((line) => line.includes('/dist/bundle/')), [], 'no frame left in the bundle');
  } finally {
    rmSync(preloadDirectory, { recursive: true, force: true });
    fixture.cleanup();
  }
});

const actionNames = readdirSync(new URL('../../src/cli/actions/', import.meta.url)).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));

/** The action's module in dist/, or its chunk in the bundle (named after it: show-change-<hash>.js). */
function isActionModule(url: string, name: string): boolean {
  return url.endsWith(`/dist/cli/actions/${name}.js`) || new RegExp(`/dist/bundle/${name}-[\\w-]+\\.js$`).test(url);
}

function actionOf(command: string): string {
  return { log: 'list-agent-commits', status: 'pending-status', show: 'show-change', config: 'config', gc: 'remove-leftovers', '--version': 'none' }[command] ?? command;
}

test.run();
