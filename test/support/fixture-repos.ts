import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// @ts-expect-error: a plain .mjs module (shared with bench/), typed by the declarations below.
import { buildRepoFromFolder as buildUntyped } from '../../fixtures-repos/build.mjs';
import { hermeticEnv } from './hermetic-env.js';
import { runGitForTest } from './run-cli.js';

export type FixtureName = 'js-app' | 'ts-lib' | 'py-tool' | 'crlf' | 'kinds';

/** A commit made after the initial one: path → new content, or null to delete the file. */
export interface FixtureCommit {
  message: string;
  files: Record<string, string | Buffer | null>;
}

export interface FixtureRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

const buildRepoFromFolder = buildUntyped as (options: {
  fixture: FixtureName;
  target: string;
  env: NodeJS.ProcessEnv;
  objectFormat?: 'sha1' | 'sha256';
  commits?: FixtureCommit[];
}) => string;

/**
 * A fresh repository built from fixtures-repos/<name> in a temp dir (deterministic history:
 * fixed dates and identity), on branch main, working tree clean. `env` is a hermeticEnv()
 * (identity "Test User") unless one is given; use it for every git or CLI call on the repo.
 */
export async function buildFixtureRepo(
  name: FixtureName,
  options: { env?: NodeJS.ProcessEnv; objectFormat?: 'sha1' | 'sha256'; commits?: FixtureCommit[] } = {},
): Promise<FixtureRepo> {
  const env = options.env ?? hermeticEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `litecode-fixture-${name}-`)));
  buildRepoFromFolder({ fixture: name, target: dir, env, objectFormat: options.objectFormat, commits: options.commits });
  return {
    dir,
    env,
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (!options.env && env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
    },
  };
}

/** A repository built from files given inline, with helpers for the test to change it as a user would. */
export interface RepoFromFiles extends FixtureRepo {
  /** git in the repository; resolves to stdout, rejects with git's stderr on failure. */
  git(args: readonly string[], input?: string): Promise<string>;
  /** Writes path → content into the working tree, making folders as needed. */
  write(files: Record<string, string>): void;
}

/**
 * A repository in a temp dir with one commit of exactly `files` on `main`, for tests that need
 * a few known files rather than a whole fixture. Its env is a fresh hermeticEnv().
 */
export async function buildRepoFromFiles(
  files: Record<string, string> = { 'src/app.js': 'export function main() {\n  return 1;\n}\n', 'README.md': '# demo\n' },
): Promise<RepoFromFiles> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-files-')));
  const env = hermeticEnv();
  const git = async (args: readonly string[], input?: string): Promise<string> => {
    const result = await runGitForTest(args, { cwd: dir, env, input });
    if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed (${result.exitCode}): ${result.stderr}`);
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
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(env.HOME!, { recursive: true, force: true });
    },
  };
}

/**
 * An agent commit made with plain git, the way the git layer writes them: on a `litecode/*`
 * branch, with the Litecode trailers, leaving the checked-out branch where it was.
 */
export async function addAgentCommit(repository: RepoFromFiles, branch: string, files: Record<string, string>, summary = 'agent change'): Promise<string> {
  const current = (await repository.git(['symbolic-ref', '--short', 'HEAD'])).trim();
  const exists = (await runGitForTest(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: repository.dir, env: repository.env })).exitCode === 0;
  await repository.git(exists ? ['switch', '-q', branch] : ['switch', '-q', '-c', branch]);
  repository.write(files);
  await repository.git(['add', '-A']);
  const message = `${summary}\n\nLitecode-Kind: edit\nLitecode-Request: ${summary}\nAssisted-by: git-litecode:ollama/qwen2.5-coder:7b\n`;
  await repository.git(['commit', '-q', '-F', '-'], message);
  const sha = (await repository.git(['rev-parse', 'HEAD'])).trim();
  await repository.git(['switch', '-q', current]);
  return sha;
}

/** The repositories one test file builds with buildRepoFromFiles, removed together: `test.after(repositories.removeAll)`. */
export function repositoriesFromFiles(): { build(files?: Record<string, string>): Promise<RepoFromFiles>; removeAll(): void } {
  const built: RepoFromFiles[] = [];
  return {
    async build(files) {
      const repository = await buildRepoFromFiles(files);
      built.push(repository);
      return repository;
    },
    removeAll: () => built.forEach((repository) => repository.cleanup()),
  };
}
