import { GitStateError, RefusalError } from '../errors/litecode-error.js';
import { markUndoneLine, recordCommitLine } from './agent-commit-index.js';
import { parseAgentCommitMessage } from './commit-message.js';
import { literalPathspecs } from './read-object.js';
import type { Repository } from './repository.js';
import { GitCommandError, runGit } from './run-git.js';
import { parseLsTree } from './tracked-files.js';

// Light commands import these from scratch-leftovers.js, which loads none of the commit machinery.
export { findScratchLeftovers, pruneScratchLeftovers } from './scratch-leftovers.js';

export type FileChange =
  | { kind: 'write'; path: string; content: Buffer; executable?: boolean }
  | { kind: 'delete'; path: string };

export interface CommitIdentity {
  name: string;
  email: string;
}

/** The agent branch moved (or appeared) between reading it and updating it: another run won the race. */
export class BranchMovedError extends GitStateError {
  constructor(readonly branch: string, stderr: string) {
    super(
      `branch ${branch} changed while git litecode was writing to it (${stderr.trim().split('\n')[0] ?? 'compare-and-swap failed'})`,
      'nothing was lost; run the command again to build on the new tip, or pass --new-branch',
    );
  }
}

/**
 * Makes one commit whose tree is `parent`'s tree with `changes` applied, and points
 * refs/heads/<branch> at it with compare-and-swap. The user's index, working tree and HEAD are
 * never read or written.
 *
 * Design: instead of a temporary index (whose read-tree/write-tree cost grows with the number
 * of files in the repository) only the trees on the paths to changed files are rewritten,
 * with `ls-tree` + `mktree`. The cost grows with the files touched and their depth, not with
 * repository size. Blobs are written with `hash-object --no-filters`: `content` is the
 * repository form (what readFileAtCommit returns), so .gitattributes eol/filters and
 * core.autocrlf apply only when the user checks the commit out, exactly as for their own commits.
 *
 * A process killed before update-ref leaves only unreachable objects, which `git fsck` accepts
 * and `git gc` removes; there is no lock or scratch file to clean.
 */
export async function commitChanges(
  repository: Repository,
  options: {
    parent: string;
    changes: FileChange[];
    message: string;
    branch: string;
    expectedOldValue: string | null;
    identity?: CommitIdentity;
    /** Runs after the commit object exists and before the branch points at it (the --check gate); throwing leaves the branch untouched. */
    beforeRefUpdate?: (commit: string) => Promise<void>;
  },
): Promise<{ commit: string }> {
  if (options.changes.length === 0) throw new RefusalError('there is no change to commit', 'nothing was written');
  const parentTree = await revParse(repository, `${options.parent}^{tree}`);
  const tree = await writeEditedTree(repository, options.parent, options.changes);
  if (tree === parentTree) {
    throw new RefusalError('the change leaves every file exactly as it was', 'nothing was committed');
  }
  const commit = await commitTree(repository, tree, options.parent, options.message, options.identity);
  await options.beforeRefUpdate?.(commit);
  // An agent commit enters the agent-commit index in the same transaction as its branch.
  const indexed = parseAgentCommitMessage(options.message) !== undefined;
  await updateBranch(repository, options.branch, commit, options.expectedOldValue, firstLine(options.message), { indexCommit: indexed });
  return { commit };
}

export function zeroObjectId(repository: Repository): string {
  return '0'.repeat(repository.objectFormat === 'sha256' ? 64 : 40);
}

/** Compare-and-swap: `expectedOldValue` null means the branch must not exist yet. */
export async function updateBranch(
  repository: Repository,
  branch: string,
  newValue: string,
  expectedOldValue: string | null,
  reason: string,
  options: AgentCommitIndexUpdate & { indexCommit?: boolean } = {},
): Promise<void> {
  const branchUpdate = `update refs/heads/${branch} ${newValue} ${expectedOldValue ?? zeroObjectId(repository)}`;
  await branchTransaction(repository, branch, reason, [branchUpdate, ...(options.indexCommit ? [recordCommitLine(newValue)] : []), ...indexLines(options)]);
}

/** Compare-and-swap delete: only if the branch still points at `expectedOldValue`. */
export async function deleteBranch(repository: Repository, branch: string, expectedOldValue: string, reason: string, options: AgentCommitIndexUpdate = {}): Promise<void> {
  await branchTransaction(repository, branch, reason, [`delete refs/heads/${branch} ${expectedOldValue}`, ...indexLines(options)]);
}

/** What the agent-commit index learns in the same transaction as a branch move. */
interface AgentCommitIndexUpdate {
  /** An agent commit that an undo takes off its branch. */
  markUndone?: string;
}

function indexLines(options: AgentCommitIndexUpdate): string[] {
  // The commit itself too: an undo may act on a commit the index has not saved yet (a read-only read found it).
  return options.markUndone ? [markUndoneLine(options.markUndone), recordCommitLine(options.markUndone)] : [];
}

/** One `update-ref --stdin` transaction: the branch and the index refs move together, or nothing does. */
async function branchTransaction(repository: Repository, branch: string, reason: string, lines: string[]): Promise<void> {
  try {
    await runGit({ args: ['update-ref', '-m', `litecode: ${reason}`, '--stdin'], cwd: repository.topLevel, input: `${lines.join('\n')}\n` });
  } catch (error) {
    throw asBranchMovedError(error, branch);
  }
}

function asBranchMovedError(error: unknown, branch: string): unknown {
  if (error instanceof GitCommandError && /but expected|already exists|unable to resolve reference|cannot lock ref/i.test(error.stderr)) {
    return new BranchMovedError(branch, error.stderr);
  }
  return error;
}

export async function revParse(repository: Repository, revision: string): Promise<string> {
  const { stdout } = await runGit({ args: ['rev-parse', '--verify', '--quiet', '--end-of-options', revision], cwd: repository.topLevel });
  return stdout.trim();
}

export async function commitTree(
  repository: Repository,
  tree: string,
  parent: string,
  message: string,
  identity: CommitIdentity | undefined,
): Promise<string> {
  const identityEnv = identity
    ? { GIT_AUTHOR_NAME: identity.name, GIT_AUTHOR_EMAIL: identity.email, GIT_COMMITTER_NAME: identity.name, GIT_COMMITTER_EMAIL: identity.email }
    : {};
  const { stdout } = await runGit({
    args: ['-c', 'user.useConfigOnly=true', 'commit-tree', tree, '-p', parent, '-F', '-'],
    cwd: repository.topLevel,
    env: identityEnv,
    input: message,
  });
  return stdout.trim();
}

interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  objectId: string;
}

/** Directory path ('' is the root) → name → new entry, or null for "remove". */
type DirectoryEdits = Map<string, Map<string, TreeEntry | null>>;

async function writeEditedTree(repository: Repository, parent: string, changes: FileChange[]): Promise<string> {
  const edits: DirectoryEdits = new Map([['', new Map()]]);
  const touchedPaths = new Set<string>();
  const blobs = await Promise.all(changes.map((change) => (change.kind === 'write' ? hashBlob(repository, change.content) : undefined)));
  const existing = await readDirectories(repository, parent, directoriesOf(changes.map((change) => checkedPath(change.path))));

  changes.forEach((change, index) => {
    const path = checkedPath(change.path);
    if (touchedPaths.has(path)) throw new RefusalError(`the change lists ${path} twice`, 'give each file once');
    touchedPaths.add(path);
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const directory = segments.slice(0, depth).join('/');
      if (!edits.has(directory)) edits.set(directory, new Map());
    }
    const directory = segments.slice(0, -1).join('/');
    const name = segments[segments.length - 1]!;
    const current = existing.get(directory)?.get(name);
    if (current?.type === 'tree') throw new RefusalError(`${path} is a directory in the base commit, not a file`, 'choose a file path');
    if (current?.type === 'commit') throw new RefusalError(`${path} is a submodule`, 'git litecode does not edit submodules');
    if (current?.mode === '120000' && change.kind === 'write') {
      throw new RefusalError(`${path} is a symbolic link`, 'edit the file it points to instead');
    }
    edits.get(directory)!.set(name, change.kind === 'delete' ? null : { mode: modeFor(change, current), type: 'blob', objectId: blobs[index]! });
  });

  const directoriesDeepestFirst = [...edits.keys()].sort((a, b) => depthOf(b) - depthOf(a));
  let rootTree = '';
  for (const directory of directoriesDeepestFirst) {
    const entries = new Map(existing.get(directory) ?? []);
    for (const [name, entry] of edits.get(directory)!) {
      const current = entries.get(name);
      if (entry && entry.type === 'tree' && current && current.type !== 'tree') {
        throw new RefusalError(`${directory ? `${directory}/` : ''}${name} is a file in the base commit, not a directory`, 'choose another path');
      }
      if (entry) entries.set(name, entry);
      else entries.delete(name);
    }
    const objectId = await makeTree(repository, entries);
    if (directory === '') {
      rootTree = objectId;
      continue;
    }
    const parentDirectory = directory.split('/').slice(0, -1).join('/');
    const name = directory.split('/').pop()!;
    // A directory left empty disappears, as it would in git.
    edits.get(parentDirectory)!.set(name, entries.size === 0 ? null : { mode: '040000', type: 'tree', objectId });
  }
  return rootTree;
}

function modeFor(change: Extract<FileChange, { kind: 'write' }>, current: TreeEntry | undefined): string {
  if (change.executable !== undefined) return change.executable ? '100755' : '100644';
  return current?.mode ?? '100644';
}

/** Paths reach here already checked against the plan; this refuses what would corrupt a tree. */
function checkedPath(path: string): string {
  const segments = path.split('/');
  const bad = segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.toLowerCase() === '.git');
  if (bad || path.includes('\0') || path.includes('\\')) {
    throw new RefusalError(`invalid path in change: ${JSON.stringify(path)}`, 'paths must be relative to the repository root, with / separators');
  }
  return path;
}

function directoriesOf(paths: string[]): Set<string> {
  const directories = new Set<string>(['']);
  for (const path of paths) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) directories.add(segments.slice(0, depth).join('/'));
  }
  return directories;
}

function depthOf(directory: string): number {
  return directory === '' ? 0 : directory.split('/').length;
}

async function readDirectories(repository: Repository, commit: string, directories: Set<string>): Promise<Map<string, Map<string, TreeEntry>>> {
  const listed = await Promise.all(
    [...directories].map(async (directory) => {
      const { stdout } = await runGit({
        args: ['ls-tree', '-z', '--full-tree', commit, ...(directory ? ['--', `${directory}/`] : [])],
        cwd: repository.topLevel,
        env: literalPathspecs,
      });
      const prefix = directory ? `${directory}/` : '';
      const entries = new Map<string, TreeEntry>();
      for (const entry of parseLsTree(stdout)) {
        const name = entry.path.slice(prefix.length);
        if (!entry.path.startsWith(prefix) || name.includes('/')) continue;
        entries.set(name, { mode: entry.mode, type: entry.type as TreeEntry['type'], objectId: entry.objectId });
      }
      return [directory, entries] as const;
    }),
  );
  return new Map(listed);
}

async function hashBlob(repository: Repository, content: Buffer): Promise<string> {
  const { stdout } = await runGit({ args: ['hash-object', '-w', '--no-filters', '--stdin'], cwd: repository.topLevel, input: content });
  return stdout.trim();
}

async function makeTree(repository: Repository, entries: Map<string, TreeEntry>): Promise<string> {
  const input = [...entries].map(([name, entry]) => `${entry.mode} ${entry.type} ${entry.objectId}\t${name}\0`).join('');
  const { stdout } = await runGit({ args: ['mktree', '-z'], cwd: repository.topLevel, input });
  return stdout.trim();
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}
