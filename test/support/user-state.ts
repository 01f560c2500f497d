import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Invariant 1 made checkable: everything of the user's that only `apply` and `hook install`
 * may change. Take a snapshot before a command and one after; they must be equal.
 */
export interface UserState {
  head: { symbolic: string | null; commit: string | null };
  currentBranch: string | null;
  /** sha256 of .git/index (and of split-index shared files), or 'absent'. */
  index: Record<string, string>;
  /** Path → sha256 of content + mode, for every file outside .git: tracked, untracked and ignored. */
  workingTree: Record<string, string>;
  stash: string;
  /** The user's branches and tags (agent branches under refs/heads/litecode/ may change). */
  userRefs: string;
  /**
   * The agent branches. assertUserStateUnchanged leaves them out (a run makes one); comparing
   * whole snapshots with assert.equal checks that a command changed nothing at all.
   */
  agentBranches: string;
  repoConfig: string;
  globalConfig: string;
}

export function snapshotUserState(dir: string, env: NodeJS.ProcessEnv): UserState {
  const git = (args: string[], okToFail = false) => {
    try {
      return execFileSync('git', ['--no-optional-locks', ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    } catch (error) {
      if (okToFail) return null;
      throw error;
    }
  };
  const gitDir = git(['rev-parse', '--path-format=absolute', '--absolute-git-dir'])!.trim();
  const commonDir = git(['rev-parse', '--path-format=absolute', '--git-common-dir'])!.trim();
  const symbolic = git(['symbolic-ref', '-q', 'HEAD'], true)?.trim() || null;
  const index: Record<string, string> = {};
  for (const name of readdirSync(gitDir).filter((entry) => entry === 'index' || entry.startsWith('sharedindex.'))) {
    index[name] = hashFile(join(gitDir, name));
  }
  if (!('index' in index)) index.index = 'absent';
  const configFiles = [join(commonDir, 'config'), join(gitDir, 'config.worktree')].filter((path) => existsSync(path));
  return {
    head: { symbolic, commit: git(['rev-parse', '-q', '--verify', 'HEAD'], true)?.trim() || null },
    currentBranch: git(['branch', '--show-current'])!.trim() || null,
    index,
    workingTree: hashWorkingTree(git(['rev-parse', '--show-toplevel'])!.trim()),
    stash: git(['stash', 'list', '--format=%H %gs'])!,
    userRefs: git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/', 'refs/tags/', 'refs/remotes/'])!
      .split('\n')
      .filter((line) => !line.startsWith('refs/heads/litecode/'))
      .join('\n'),
    agentBranches: git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/litecode/'])!,
    repoConfig: configFiles.map((path) => `${path}\n${readFileSync(path, 'utf8')}`).join('\n'),
    globalConfig: env.GIT_CONFIG_GLOBAL && existsSync(env.GIT_CONFIG_GLOBAL) ? readFileSync(env.GIT_CONFIG_GLOBAL, 'utf8') : '',
  };
}

/** Throws with one line per difference. */
export function assertUserStateUnchanged(before: UserState, after: UserState): void {
  const differences: string[] = [];
  const compare = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${label}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  };
  compare('HEAD', before.head, after.head);
  compare('current branch', before.currentBranch, after.currentBranch);
  for (const name of new Set([...Object.keys(before.index), ...Object.keys(after.index)])) compare(`.git/${name} bytes`, before.index[name], after.index[name]);
  for (const path of new Set([...Object.keys(before.workingTree), ...Object.keys(after.workingTree)])) {
    compare(`working tree ${path}`, before.workingTree[path] ?? 'absent', after.workingTree[path] ?? 'absent');
  }
  compare('stash list', before.stash, after.stash);
  compare('user refs', before.userRefs, after.userRefs);
  compare('repository config', before.repoConfig, after.repoConfig);
  compare('global config', before.globalConfig, after.globalConfig);
  if (differences.length > 0) throw new Error(`the user's state changed:\n  ${differences.join('\n  ')}`);
}

export const userStates = ['clean', 'dirty', 'staged', 'untracked'] as const;
export type UserStateKind = (typeof userStates)[number];

/**
 * Puts a repository in one of the states every command is tested in. `dirty` edits the first
 * tracked file (README.md when there is one), `staged` edits and stages another, `untracked`
 * adds a new file. Returns the paths it touched.
 */
export function prepareUserState(dir: string, env: NodeJS.ProcessEnv, state: UserStateKind): string[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: dir, env }).toString().split('\0').filter(Boolean);
  const pick = (preferred: string, skip?: string) => (tracked.includes(preferred) ? preferred : tracked.find((path) => path !== skip)!);
  switch (state) {
    case 'clean':
      return [];
    case 'dirty': {
      const path = pick('README.md');
      appendFileSync(join(dir, path), '\nAn uncommitted line.\n');
      return [path];
    }
    case 'staged': {
      const path = pick('src/utils.js', 'README.md');
      appendFileSync(join(dir, path), '\n// A staged line.\n');
      execFileSync('git', ['add', '--', path], { cwd: dir, env });
      return [path];
    }
    case 'untracked': {
      mkdirSync(join(dir, 'notes'), { recursive: true });
      writeFileSync(join(dir, 'notes/todo.txt'), 'an untracked note\n');
      return ['notes/todo.txt'];
    }
  }
}

function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function hashWorkingTree(topLevel: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      if (name === '.git') continue;
      const path = join(directory, name);
      const stat = lstatSync(path);
      const key = relative(topLevel, path);
      if (stat.isSymbolicLink()) hashes[key] = `symlink ${readlinkSync(path)}`;
      else if (stat.isDirectory()) walk(path);
      else hashes[key] = `${(stat.mode & 0o111) !== 0 ? 'x' : '-'} ${hashFile(path)}`;
    }
  };
  walk(topLevel);
  return hashes;
}

/**
 * Leaves `path`'s content alone but moves its mtime, so the index's stat data is stale: any git
 * command that refreshes the index (plain `git status`, `git stash create`) would rewrite it.
 */
export function makeIndexStale(dir: string, path: string): void {
  const future = new Date(Date.now() + 120_000);
  utimesSync(join(dir, path), future, future);
}
