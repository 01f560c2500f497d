import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverRepository, type Repository } from '../../src/git/repository.js';
import { hermeticEnv, useEnv } from '../support/hermetic-env.js';

/**
 * Makes this test process hermetic (model tests call git in-process through runGit, which
 * inherits process.env) and returns the environment for child processes.
 */
export function useHermeticProcessEnv(): NodeJS.ProcessEnv {
  const env = hermeticEnv();
  useEnv(env);
  return env;
}

/** A real repository with one commit, in a `litecode-` temp dir. */
export async function makeRepository(env: NodeJS.ProcessEnv): Promise<{ path: string; repository: Repository; cleanup(): void }> {
  const path = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-model-')));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  git('init', '-q');
  writeFileSync(join(path, 'app.js'), 'export function fetchUser(id) {\n  return fetch(`/users/${id}`);\n}\n');
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  const repository = await discoverRepository(path);
  return { path, repository, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function gitIn(path: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd: path, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}
