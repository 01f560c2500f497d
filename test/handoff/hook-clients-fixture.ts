import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import { buildRepoFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { startFakeModel } from '../support/fake-model.js';
import { binPath, runCli, runGitForTest, runProgram, type CliResult } from '../support/run-cli.js';
import { pathWith } from './hook-fixture.js';

/** The worktree's node_modules: husky 9 and lefthook are devDependencies, installed as npm installs them. */
export const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A folder whose only entry is `git-litecode`, this checkout's CLI, as after `npm install -g`. */
function realGitLitecodeFolder(): string {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-real-bin-')));
  symlinkSync(binPath, join(directory, 'git-litecode'));
  return directory;
}
const realBin = realGitLitecodeFolder();

export interface ClientRepo extends RepoFromFiles {
  /** Appended to by the user's own hook each time it runs. */
  userHookMarker: string;
}

/** A repository with the real git-litecode on PATH, for a client test to set up its hook manager in. */
export async function clientRepo(files: Record<string, string> = {}): Promise<ClientRepo> {
  const repository = await buildRepoFromFiles({ 'src/app.js': 'export function main() {\n  return 1;\n}\n', 'README.md': '# demo\n', ...files });
  repository.env.PATH = pathWith(realBin);
  const userHookMarker = join(repository.dir, '.git', 'user-hook-ran');
  repository.env.USER_HOOK_MARKER = userHookMarker;
  return Object.assign(repository, { userHookMarker });
}

/** The user's own pre-commit check: records that it ran, and fails when USER_HOOK_EXIT says so. */
export const userHookCommand = 'echo ran >> "$USER_HOOK_MARKER"; exit "${USER_HOOK_EXIT:-0}"';

export function userHookRuns(repository: ClientRepo): number {
  try {
    return readFileSync(repository.userHookMarker, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** Every file of a hooks directory: name → mode and bytes (or link target), for byte-exact comparisons. */
export function snapshotDirectory(directory: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) continue;
    snapshot[name] = stat.isSymbolicLink() ? `link ${readlinkSync(path)}` : `${(stat.mode & 0o777).toString(8)} ${readFileSync(path).toString('base64')}`;
  }
  return snapshot;
}

export function assertSameDirectory(actual: Record<string, string>, expected: Record<string, string>, message: string): void {
  assert.equal(Object.keys(actual), Object.keys(expected), `${message}: the same files`);
  for (const name of Object.keys(expected)) assert.ok(actual[name] === expected[name], `${message}: ${name} byte for byte, mode included`);
}

export async function litecode(repository: ClientRepo, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { cwd: repository.dir, env: { ...repository.env, ...env } });
}

let changeCount = 0;
/** Stages a change and commits it the way the user would; the time is the whole `git commit`. */
export async function stageAndCommit(repository: ClientRepo, env: Record<string, string> = {}): Promise<CliResult & { landed: boolean }> {
  changeCount += 1;
  writeFileSync(join(repository.dir, 'src/app.js'), `export function main() {\n  return ${changeCount + 1};\n}\n`);
  await repository.git(['add', 'src/app.js']);
  const before = await repository.git(['rev-parse', 'HEAD']);
  const result = await runGitForTest(['commit', '-q', '-m', `change ${changeCount}`], { cwd: repository.dir, env: { ...repository.env, ...env } });
  const after = await repository.git(['rev-parse', 'HEAD']);
  if (result.exitCode !== 0) await repository.git(['reset', '-q']);
  return { ...result, landed: before !== after };
}

export interface ModelScenario {
  name: 'down' | 'hanging' | 'slow';
  env: Record<string, string>;
  /** What the hook says, in its one line. */
  line: RegExp;
  close(): Promise<void>;
}

/**
 * litecode.hook.timeout in the client tests: long enough that on a loaded machine a down model is
 * still reported as down (node's start-up counts against the limit), short enough to keep them quick.
 */
export const hookLimitSeconds = 5;

/** A port nothing listens on: the model is down. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never answers: the model is hanging. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

/** The model down, hanging, or answering only after the limit (slow), with the hook limit set. */
export async function modelScenario(name: ModelScenario['name'], limitSeconds: number): Promise<ModelScenario> {
  const limit = { LITECODE_PROVIDER: 'ollama', LITECODE_HOOK_TIMEOUT: String(limitSeconds) };
  const timedOut = new RegExp(`^git-litecode: no suggestions within ${limitSeconds}s \\(litecode\\.hook\\.timeout\\); committing anyway$`, 'm');
  if (name === 'down') {
    return { name, env: { ...limit, OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}` }, line: /^litecode: no suggestions, the model is not reachable/m, close: async () => undefined };
  }
  if (name === 'hanging') {
    const { server, port, sockets } = await silentServer();
    return {
      name,
      env: { ...limit, OLLAMA_HOST: `http://127.0.0.1:${port}` },
      line: timedOut,
      close: () =>
        new Promise<void>((resolve) => {
          sockets.forEach((socket) => socket.destroy());
          server.close(() => resolve());
        }),
    };
  }
  const model = await startFakeModel(() => ({ content: '{"suggestions": []}', delayMs: (limitSeconds + 3) * 1000 }));
  return { name, env: { ...limit, ...model.env('ollama') }, line: timedOut, close: () => model.close() };
}

/** The lines the commit printed that come from git-litecode (hook managers print their own around them). */
export function litecodeLines(output: string): string[] {
  return output.split('\n').filter((line) => /git-litecode:|^litecode:/.test(line));
}

/**
 * (a) of every client test: with the model down, hanging and slow, each commit lands, within the
 * limit plus one second, with exactly one line from git-litecode. `clientOverheadMs` is time a
 * hook manager spends before our hook starts (the pre-commit framework's Python start-up), which
 * no hook can give back.
 */
export async function assertCommitsLandInTime(
  repository: ClientRepo,
  limitSeconds: number,
  options: { extraEnv?: Record<string, string>; clientOverheadMs?: number } = {},
): Promise<Record<string, number>> {
  const extraEnv = options.extraEnv ?? {};
  const allowedMs = (limitSeconds + 1) * 1000 + (options.clientOverheadMs ?? 0);
  const seconds: Record<string, number> = {};
  for (const name of ['down', 'hanging', 'slow'] as const) {
    const scenario = await modelScenario(name, limitSeconds);
    try {
      const result = await stageAndCommit(repository, { ...scenario.env, ...extraEnv });
      const output = result.stdout + result.stderr;
      assert.is(result.exitCode, 0, `model ${name}: ${output}`);
      assert.ok(result.landed, `model ${name}: the commit landed`);
      assert.ok(result.durationMs < allowedMs, `model ${name}: the commit took ${result.durationMs} ms, more than ${limitSeconds} s + 1 s (+ ${options.clientOverheadMs ?? 0} ms before the hook starts)`);
      const lines = litecodeLines(output);
      assert.is(lines.length, 1, `model ${name}: one line from git-litecode, got ${JSON.stringify(lines)}`);
      assert.match(lines[0]!, scenario.line);
      seconds[name] = result.durationMs / 1000;
    } finally {
      await scenario.close();
    }
  }
  return seconds;
}

export function removeLater(cleanups: (() => void)[], path: string): void {
  cleanups.push(() => rmSync(path, { recursive: true, force: true }));
}

/** Runs a program (a hook manager) in the repository, as the user would. */
export function runIn(repository: ClientRepo, command: string, args: string[]): Promise<CliResult> {
  return runProgram(command, args, { cwd: repository.dir, env: repository.env });
}

export type ClientSetup = ClientRepo & { hooks: string };

/** husky 9 the way its docs say: package.json, node_modules, `npx husky init`; the user's check in .husky/pre-commit. */
export async function huskyRepo(cleanups: (() => void)[]): Promise<ClientSetup> {
  const repository = await clientRepo({ 'package.json': '{\n  "name": "demo",\n  "private": true\n}\n', '.gitignore': 'node_modules\n' });
  cleanups.push(repository.cleanup);
  symlinkSync(nodeModules, join(repository.dir, 'node_modules'));
  const init = await runIn(repository, 'npx', ['--no-install', 'husky', 'init']);
  assert.is(init.exitCode, 0, init.stdout + init.stderr);
  writeFileSync(join(repository.dir, '.husky', 'pre-commit'), `${userHookCommand}\n`);
  assert.is((await repository.git(['config', 'core.hooksPath'])).trim(), '.husky/_');
  return Object.assign(repository, { hooks: join(repository.dir, '.husky', '_') });
}

export const lefthookBinary = join(nodeModules, '.bin', 'lefthook');

export function lefthookConfig(extra = ''): string {
  return `pre-commit:\n  commands:\n    user-check:\n      run: '${userHookCommand}'\n${extra}`;
}

/** lefthook the way its docs say: a lefthook.yml with the user's check, then `lefthook install`. */
export async function lefthookRepo(cleanups: (() => void)[]): Promise<ClientSetup> {
  const repository = await clientRepo({ 'lefthook.yml': lefthookConfig() });
  cleanups.push(repository.cleanup);
  const installed = await runIn(repository, lefthookBinary, ['install']);
  assert.is(installed.exitCode, 0, installed.stdout + installed.stderr);
  const hooks = join(repository.dir, '.git', 'hooks');
  assert.match(readFileSync(join(hooks, 'pre-commit'), 'utf8'), /lefthook/);
  return Object.assign(repository, { hooks });
}

/** A clone of this repository as pre-commit sees one: a git repository holding the shipped manifest and hook. */
async function hooksRepository(cleanups: (() => void)[], env: NodeJS.ProcessEnv): Promise<{ url: string; rev: string }> {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-hooks-repo-')));
  removeLater(cleanups, directory);
  mkdirSync(join(directory, 'hooks'));
  copyFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), join(directory, '.pre-commit-hooks.yaml'));
  copyFileSync(join(repositoryRoot, 'hooks', 'pre-commit'), join(directory, 'hooks', 'pre-commit'));
  chmodSync(join(directory, 'hooks', 'pre-commit'), 0o755);
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'hooks']]) {
    const result = await runGitForTest(args, { cwd: directory, env });
    assert.is(result.exitCode, 0, result.stderr);
  }
  const rev = (await runGitForTest(['rev-parse', 'HEAD'], { cwd: directory, env })).stdout.trim();
  return { url: directory, rev };
}

/**
 * The pre-commit framework the way its docs say: .pre-commit-config.yaml naming a clone of this
 * repository (`repo:`) at a commit (`rev:`), beside the user's own local check; then
 * `pre-commit install`. PRE_COMMIT_HOME is a temp dir, so its cache is the test's own.
 */
export async function preCommitRepo(cleanups: (() => void)[]): Promise<ClientSetup> {
  const repository = await clientRepo();
  cleanups.push(repository.cleanup);
  const preCommitHome = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-pre-commit-home-')));
  removeLater(cleanups, preCommitHome);
  repository.env.PRE_COMMIT_HOME = preCommitHome;
  const { url, rev } = await hooksRepository(cleanups, repository.env);
  writeFileSync(
    join(repository.dir, '.pre-commit-config.yaml'),
    [
      'repos:',
      `  - repo: ${url}`,
      `    rev: ${rev}`,
      '    hooks:',
      '      - id: git-litecode-suggest',
      '  - repo: local',
      '    hooks:',
      '      - id: user-check',
      '        name: user check',
      `        entry: sh -c '${userHookCommand}'`,
      '        language: system',
      '        pass_filenames: false',
      '        always_run: true',
      '',
    ].join('\n'),
  );
  await repository.git(['add', '.pre-commit-config.yaml']);
  await repository.git(['commit', '-q', '--no-verify', '-m', 'pre-commit config']);
  const install = await runIn(repository, 'pre-commit', ['install', '--install-hooks']);
  assert.is(install.exitCode, 0, install.stdout + install.stderr);
  assert.not.match(install.stdout + install.stderr, /WARNING|InvalidManifestError/);
  return Object.assign(repository, { hooks: join(repository.dir, '.git', 'hooks') });
}

/** How long a commit takes with git-litecode's hook skipped: the cost of git and the hook manager alone. */
export async function commitOverheadMs(repository: ClientRepo, skip: Record<string, string> = { LITECODE_SKIP: '1' }): Promise<number> {
  const result = await stageAndCommit(repository, skip);
  assert.is(result.exitCode, 0, result.stdout + result.stderr);
  return result.durationMs;
}
