import { GitStateError, RefusalError } from '../errors/litecode-error.js';
import { markUndoneLine, recordCommitLine } from './agent-commit-index.js';
import { parseAgentCommitMessage } from './commit-message.js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFullObjectId } from './blob-reader.js';
import { readCommitTree, readTree, type TreeObjectEntry } from './read-object.js';
import type { Repository } from './repository.js';
import { GitCommandError, gitArgs, gitEnv, runGit } from './run-git.js';
import { withScratchDirectory } from './scratch-directory.js';

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
 * of files in the repository) only the trees on the paths to changed files are rewritten:
 * read through the request's one `cat-file --batch` reader, written by one `mktree --batch`
 * process. The cost grows with the files touched and their depth, not with repository size.
 * Blobs are written with one `hash-object --no-filters`: `content` is the repository form (what
 * readFileAtCommit returns), so .gitattributes eol/filters and core.autocrlf apply only when the
 * user checks the commit out, exactly as for their own commits.
 *
 * A process killed before update-ref leaves only unreachable objects, which `git fsck` accepts
 * and `git gc` removes, and at most a scratch directory of blob contents (several files
 * changed), which the next run removes; there is no lock to clean.
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
  const parentTree = await treeOf(repository, options.parent);
  const tree = await writeEditedTree(repository, parentTree, options.changes);
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

/** A commit's tree: read through the object reader for a commit id, else asked of git. */
async function treeOf(repository: Repository, commit: string): Promise<string> {
  const tree = isFullObjectId(commit) ? await readCommitTree(repository, commit).catch(() => undefined) : undefined;
  if (tree) return tree;
  const resolved = await revParse(repository, `${commit}^{tree}`);
  if (!resolved) throw new GitStateError(`cannot read the tree of ${commit}`, 'check that the commit exists (git cat-file -t)');
  return resolved;
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

type TreeEntry = TreeObjectEntry;

/** Directory path ('' is the root) → name → new entry, or null for "remove". */
type DirectoryEdits = Map<string, Map<string, TreeEntry | null>>;

async function writeEditedTree(repository: Repository, parentTree: string, changes: FileChange[]): Promise<string> {
  const edits: DirectoryEdits = new Map([['', new Map()]]);
  const touchedPaths = new Set<string>();
  const writes = changes.flatMap((change) => (change.kind === 'write' ? [change.content] : []));
  const written = await hashBlobs(repository, writes);
  const blobs = changes.map((change) => (change.kind === 'write' ? written.shift() : undefined));
  const existing = await readDirectories(repository, parentTree, directoriesOf(changes.map((change) => checkedPath(change.path))));

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
  // One `mktree --batch` process writes every new tree, deepest first: a parent names its
  // children's ids, which mktree prints as it writes them.
  const trees = new TreeWriter(repository);
  try {
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
      if (directory === '') {
        rootTree = await trees.write(entries);
        continue;
      }
      const parentDirectory = directory.split('/').slice(0, -1).join('/');
      const name = directory.split('/').pop()!;
      // A directory left empty disappears, as it would in git (and needs no tree object).
      edits.get(parentDirectory)!.set(name, entries.size === 0 ? null : { mode: '040000', type: 'tree', objectId: await trees.write(entries) });
    }
    await trees.finish();
    return rootTree;
  } finally {
    trees.close();
  }
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

/**
 * The entries of each directory on the paths to the changed files, read level by level through
 * the repository's one `cat-file --batch` reader. A directory that does not exist (or is a file
 * or submodule in the base commit) reads as empty, as `ls-tree <commit> -- dir/` would list it.
 */
async function readDirectories(repository: Repository, rootTree: string, directories: Set<string>): Promise<Map<string, Map<string, TreeEntry>>> {
  const read = new Map<string, Map<string, TreeEntry>>();
  const byDepth = new Map<number, string[]>();
  for (const directory of directories) byDepth.set(depthOf(directory), [...(byDepth.get(depthOf(directory)) ?? []), directory]);
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      byDepth.get(depth)!.map(async (directory) => {
        const slash = directory.lastIndexOf('/');
        const entry = directory === '' ? { type: 'tree', objectId: rootTree } : read.get(directory.slice(0, Math.max(0, slash)))?.get(directory.slice(slash + 1));
        read.set(directory, entry?.type === 'tree' ? await readTree(repository, entry.objectId) : new Map());
      }),
    );
  }
  return read;
}

/**
 * Writes the blobs with one `hash-object` process: one on stdin, or several through files in a
 * scratch directory (`--stdin-paths`), so that a change of many files costs one process too.
 */
async function hashBlobs(repository: Repository, contents: Buffer[]): Promise<string[]> {
  if (contents.length === 0) return [];
  // A path with a newline cannot be given on --stdin-paths (it is one path per line).
  if (contents.length === 1 || repository.commonDir.includes('\n')) return Promise.all(contents.map((content) => hashBlob(repository, content)));
  return withScratchDirectory(repository, async (directory) => {
    const paths = contents.map((_, index) => join(directory, `blob-${index}`));
    await Promise.all(contents.map((content, index) => writeFile(paths[index]!, content)));
    const { stdout } = await runGit({ args: ['hash-object', '-w', '--no-filters', '--stdin-paths'], cwd: repository.topLevel, input: `${paths.join('\n')}\n` });
    const ids = stdout.split('\n').filter(Boolean);
    if (ids.length !== contents.length) throw new GitCommandError(['hash-object'], -1, `git hash-object wrote ${ids.length} of ${contents.length} blobs`);
    return ids;
  });
}

async function hashBlob(repository: Repository, content: Buffer): Promise<string> {
  const { stdout } = await runGit({ args: ['hash-object', '-w', '--no-filters', '--stdin'], cwd: repository.topLevel, input: content });
  return stdout.trim();
}

const mktreeArgs = ['mktree', '--batch', '-z'] as const;

/**
 * One `git mktree --batch -z` process for all the trees of a commit. Each tree is its entries
 * (`<mode> <type> <id>\t<name>\0`) and an empty record; mktree answers with the tree's id on a
 * line of its own, so a parent is written after its children's ids are known. mktree sorts the
 * entries and checks that every object exists with the type given.
 */
class TreeWriter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<{ resolve: (id: string) => void; reject: (error: Error) => void }> = [];
  private output = '';
  private stderr = '';
  private failure: Error | undefined;
  private readonly exited: Promise<number>;

  constructor(repository: Repository) {
    this.child = spawn('git', gitArgs(mktreeArgs), { cwd: repository.topLevel, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => {});
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk;
      for (let newline = this.output.indexOf('\n'); newline >= 0; newline = this.output.indexOf('\n')) {
        const id = this.output.slice(0, newline);
        this.output = this.output.slice(newline + 1);
        this.waiting.shift()?.resolve(id);
      }
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.fail(new GitCommandError([...mktreeArgs], -1, error.message));
        resolve(-1);
      });
      this.child.on('close', (code) => {
        this.fail(new GitCommandError([...mktreeArgs], code ?? -1, this.stderr || `git mktree exited with code ${code}`));
        resolve(code ?? -1);
      });
    });
  }

  write(entries: Map<string, TreeEntry>): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const records = [...entries].map(([name, entry]) =>
      Buffer.concat([Buffer.from(`${entry.mode} ${entry.type} ${entry.objectId}\t`), entry.rawName ?? Buffer.from(name, 'utf8'), Buffer.from([0])]),
    );
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(Buffer.concat([...records, Buffer.from([0])]));
    });
  }

  /** Ends the input and waits for git to exit: a non-zero exit fails the commit. */
  async finish(): Promise<void> {
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw new GitCommandError([...mktreeArgs], code, this.stderr);
  }

  /** Stops git if the commit was given up half-way (a refusal); what it wrote is unreachable, which fsck accepts. */
  close(): void {
    if (this.child.exitCode === null && !this.child.stdin.writableEnded) this.child.stdin.end();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}
