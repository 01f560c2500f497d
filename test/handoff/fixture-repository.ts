import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticEnv } from '../support/hermetic-env.js';

export interface FixtureRepository {
  dir: string;
  env: NodeJS.ProcessEnv;
  git(args: readonly string[], input?: string): Promise<string>;
  write(files: Record<string, string>): void;
  remove(): void;
}

/** git as the user runs it, in the test's hermetic environment; returns instead of throwing on failure. */
export function tryGit(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): { exitCode: number; stdout: string; stderr: string } {
  const result = spawnSync('git', [...args], { cwd: options.cwd, env: options.env, input: options.input ?? '', encoding: 'utf8' });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A real repository in a temp dir with one commit of `files` on `main`. */
export async function createRepository(files: Record<string, string> = { 'src/app.js': 'export function main() {\n  return 1;\n}\n', 'README.md': '# demo\n' }): Promise<FixtureRepository> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-handoff-')));
  const env = hermeticEnv();
  const git = async (args: readonly string[], input?: string): Promise<string> => {
    const result = spawnSync('git', [...args], { cwd: dir, env, input: input ?? '', encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  const write = (contents: Record<string, string>): void => {
    for (const [path, text] of Object.entries(contents)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  await git(['init', '-q', '-b', 'main']);
  write(files);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'initial']);
  return {
    dir,
    env,
    git,
    write,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(env.HOME!, { recursive: true, force: true });
    },
  };
}

/**
 * An agent commit made by hand, the way the git layer writes them: on a `litecode/*` branch,
 * with the Litecode trailers, without touching the checked-out branch.
 */
export async function addAgentCommit(repository: FixtureRepository, branch: string, files: Record<string, string>, summary = 'agent change'): Promise<string> {
  const current = (await repository.git(['symbolic-ref', '--short', 'HEAD'])).trim();
  const exists = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: repository.dir, env: repository.env }).status === 0;
  await repository.git(exists ? ['switch', '-q', branch] : ['switch', '-q', '-c', branch]);
  repository.write(files);
  await repository.git(['add', '-A']);
  const message = `${summary}\n\nLitecode-Kind: edit\nLitecode-Request: ${summary}\nAssisted-by: git-litecode:ollama/qwen2.5-coder:7b\n`;
  await repository.git(['commit', '-q', '-F', '-'], message);
  const sha = (await repository.git(['rev-parse', 'HEAD'])).trim();
  await repository.git(['switch', '-q', current]);
  return sha;
}
