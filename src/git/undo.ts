import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStateError, NothingToActOnError, RefusalError } from '../errors/litecode-error.js';
import { agentBranchPrefix, chooseAgentBranch } from './agent-branch.js';
import { type AgentCommit, type KnownCommits, readAgentHistory } from './agent-history.js';
import { recoveryCommand } from './branch-recovery.js';
import { branchesCheckedOut } from './checked-out-branches.js';
import { formatAgentCommitMessage, parseAgentCommitMessage } from './commit-message.js';
import { type Identity, requireIdentity } from './identity.js';
import { readBlob, readFileAtCommit } from './read-object.js';
import type { Repository } from './repository.js';
import { runGit, runGitRaw } from './run-git.js';
import { BranchMovedError, type FileChange, commitChanges, deleteBranch, revParse, updateBranch } from './scratch-commit.js';
import { withScratchDirectory } from './scratch-directory.js';

export type UndoResult =
  | { kind: 'branch-moved-back'; branch: string; undone: string; branchDeleted: boolean; recovery: string }
  | { kind: 'revert-proposed'; branch: string; commit: string; undone: string };

/**
 * Undoes the newest agent commit without touching the user's branch, index or working tree.
 * Pending and never pushed: its agent branch moves back one commit (compare-and-swap), and is
 * deleted when that leaves nothing of its own. Applied to HEAD, or pushed: a revert commit on a
 * new agent branch, for review like any other agent change. Later edits to the same lines make
 * it refuse, naming the file.
 */
export async function undoLastAgentChange(
  repository: Repository,
  options: {
    identity?: Identity;
    /**
     * The newest agent change as the caller just read it (null: there is none), with HEAD's
     * commit and the agent branches' tips at that read (saves reading them again; the branch
     * update is a compare-and-swap, so a run in between is still caught).
     */
    newest?: { commit: AgentCommit | null; head: string; branchTips?: ReadonlyMap<string, string>; agentCommits?: KnownCommits };
    /** HEAD's commit as discovery just read it, when nothing since can have moved HEAD (the `undo` command). */
    head?: string;
  } = {},
): Promise<UndoResult> {
  // Read-only: a refused undo changes no ref; a successful one records what it did in its own transaction.
  const known = options.newest ?? (await readNewest(repository, options.head));
  const newest = known.commit;
  if (!newest) throw new NothingToActOnError('there is no agent change to undo', 'git litecode log lists agent commits');
  if (newest.state === 'pending' && !(await isPushed(repository, newest.sha))) return moveBranchBack(repository, newest, known);
  const ours = newest.state === 'applied' ? known.head || (await revParse(repository, 'HEAD^{commit}')) : newest.sha;
  return proposeRevert(repository, newest, ours, options.identity ?? (await requireIdentity(repository)));
}

/** The newest agent change not undone, with what the same read saw of HEAD and the agent branches. */
async function readNewest(repository: Repository, knownHead: string | undefined) {
  const read = await readAgentHistory(repository, { limit: 1, includeUndone: false, readOnly: true, head: knownHead });
  return {
    commit: read.commits[0] ?? null,
    head: knownHead ?? '',
    branchTips: new Map(read.branches.map((branch) => [branch.branch, branch.tip])),
    agentCommits: read.agentCommits,
  };
}

async function moveBranchBack(
  repository: Repository,
  commit: AgentCommit,
  known: { branchTips?: ReadonlyMap<string, string>; agentCommits?: KnownCommits } = {},
): Promise<UndoResult> {
  const branch = commit.branch;
  const parent = commit.parents[0];
  if (!branch || !parent) throw new GitStateError(`cannot tell which branch holds agent commit ${commit.sha.slice(0, 12)}`, 'delete or reset it with git yourself');
  const tip = known.branchTips?.get(branch) ?? (await revParse(repository, `refs/heads/${branch}`));
  if (tip !== commit.sha) {
    throw new RefusalError(
      `${branch} has commits after the agent's change ${commit.sha.slice(0, 12)}`,
      `review them with git log ${branch}, then git litecode drop ${branch} or reset it yourself`,
    );
  }
  if ((await branchesCheckedOut(repository)).has(branch)) {
    throw new RefusalError(
      `${branch} is checked out in another worktree, and moving it would leave that worktree's files behind`,
      'switch that worktree to another branch first, or undo there with git reset',
    );
  }
  const backAtBase = await isBaseOfBranch(repository, parent, branch, known.agentCommits);
  if (backAtBase) {
    await deleteBranch(repository, branch, commit.sha, `undo ${commit.sha}`, { markUndone: commit.sha });
    return { kind: 'branch-moved-back', branch, undone: commit.sha, branchDeleted: true, recovery: recoveryCommand(branch, commit.sha) };
  }
  await updateBranch(repository, branch, parent, commit.sha, `undo ${commit.sha}`, { markUndone: commit.sha });
  return { kind: 'branch-moved-back', branch, undone: commit.sha, branchDeleted: false, recovery: `git branch -f ${branch} ${commit.sha}` };
}

/** The parent is the branch's base when it is not one of this branch's own agent commits. */
async function isBaseOfBranch(repository: Repository, parent: string, branch: string, agentCommits: KnownCommits = new Set()): Promise<boolean> {
  const inHead = await runGit({ args: ['merge-base', '--is-ancestor', parent, 'HEAD'], cwd: repository.topLevel, okExitCodes: [0, 1] });
  if (inHead.exitCode === 0) return true;
  if (!agentCommits.has(parent)) {
    const { stdout: message } = await runGit({ args: ['log', '-1', '--format=%B', parent, '--'], cwd: repository.topLevel });
    if (!parseAgentCommitMessage(message)) return true;
  }
  const { stdout: containing } = await runGit({
    args: ['for-each-ref', '--format=%(refname)', `--contains=${parent}`, `refs/heads/${agentBranchPrefix}`],
    cwd: repository.topLevel,
  });
  return containing.split('\n').some((ref) => ref !== '' && ref !== `refs/heads/${branch}`);
}

/** A remote-tracking branch contains it: others may have it, so history is never rewritten. */
async function isPushed(repository: Repository, sha: string): Promise<boolean> {
  const { stdout } = await runGit({ args: ['for-each-ref', '--count=1', '--format=%(refname)', `--contains=${sha}`, 'refs/remotes/'], cwd: repository.topLevel });
  return stdout.trim() !== '';
}

async function proposeRevert(repository: Repository, target: AgentCommit, ours: string, identity: Identity): Promise<UndoResult> {
  const parent = target.parents[0];
  if (!parent) throw new RefusalError(`agent commit ${target.sha.slice(0, 12)} has no parent to go back to`, 'revert it with git yourself');
  const changes = await revertChanges(repository, target.sha, parent, ours);
  const short = target.sha.slice(0, 12);
  if (changes.length === 0) throw new NothingToActOnError(`the agent change ${short} is already undone here`, 'nothing to do');
  const message = formatAgentCommitMessage({
    kind: 'undo',
    request: 'undo',
    synthesis: `Revert ${short}: ${target.metadata.synthesis}`,
    provider: '',
    model: '',
    files: changes.map(({ change, summary }) => ({ path: change.path, summary })),
    checks: [],
    undoes: target.sha,
  });
  for (let attempt = 1; ; attempt++) {
    const choice = await chooseAgentBranch(repository, {
      request: `undo ${target.metadata.request}`,
      base: { kind: 'head', commit: ours },
      forceNew: true,
      followUp: false,
    });
    try {
      const { commit } = await commitChanges(repository, {
        parent: ours,
        changes: changes.map(({ change }) => change),
        message,
        branch: choice.branch,
        expectedOldValue: null,
        identity,
      });
      return { kind: 'revert-proposed', branch: choice.branch, commit, undone: target.sha };
    } catch (error) {
      // Another run took the same branch name at the same moment: pick the next free name.
      if (!(error instanceof BranchMovedError) || attempt >= 3) throw error;
    }
  }
}

interface ChangedFile {
  path: string;
  before: { mode: string; objectId: string } | undefined;
  after: { mode: string; objectId: string } | undefined;
}

/** What to write on top of `ours` so that the agent's change from `before` to `after` is taken back. */
async function revertChanges(repository: Repository, after: string, before: string, ours: string): Promise<{ change: FileChange; summary: string }[]> {
  const changed = await diffTree(repository, before, after);
  const reverts: { change: FileChange; summary: string }[] = [];
  for (const file of changed) {
    const current = await readFileAtCommit(repository, ours, file.path);
    const currentId = current?.objectId;
    if (file.after?.mode === '160000' || file.before?.mode === '160000') {
      throw new RefusalError(`the agent change touches submodule ${file.path}`, 'revert it with git yourself');
    }
    if (currentId === file.before?.objectId) continue; // already as before
    if (!file.before) {
      if (currentId !== file.after!.objectId) throw refuseLaterEdits(file.path, 'was edited after the agent created it');
      reverts.push({ change: { kind: 'delete', path: file.path }, summary: 'deleted (the agent created it)' });
      continue;
    }
    const content = await readBlob(repository, file.before.objectId);
    const executable = file.before.mode === '100755';
    if (!file.after) {
      if (current) throw refuseLaterEdits(file.path, 'was created again after the agent deleted it');
      reverts.push({ change: { kind: 'write', path: file.path, content, executable }, summary: 'restored (the agent deleted it)' });
      continue;
    }
    if (!current) throw refuseLaterEdits(file.path, 'was deleted after the agent changed it');
    if (currentId === file.after.objectId) {
      reverts.push({ change: { kind: 'write', path: file.path, content, executable }, summary: 'restored as it was before the agent change' });
      continue;
    }
    const merged = await mergeBack(repository, current.content, await readBlob(repository, file.after.objectId), content);
    if (!merged) throw refuseLaterEdits(file.path, 'has later edits to the same lines the agent changed');
    reverts.push({
      change: { kind: 'write', path: file.path, content: merged, executable: current.mode === '100755' },
      summary: 'agent lines restored; later edits kept',
    });
  }
  return reverts;
}

function refuseLaterEdits(path: string, what: string): RefusalError {
  return new RefusalError(`cannot undo: ${path} ${what}`, `revert it by hand (git show the agent commit for the patch), or undo those edits first`);
}

async function diffTree(repository: Repository, before: string, after: string): Promise<ChangedFile[]> {
  const { stdout } = await runGit({ args: ['diff-tree', '-r', '-z', '--no-renames', before, after, '--'], cwd: repository.topLevel });
  const fields = stdout.split('\0');
  const files: ChangedFile[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const header = fields[index]!;
    if (!header.startsWith(':')) break;
    const [oldMode = '', newMode = '', oldId = '', newId = ''] = header.slice(1).split(' ');
    const absent = (mode: string) => /^0+$/.test(mode);
    files.push({
      path: fields[index + 1]!,
      before: absent(oldMode) ? undefined : { mode: oldMode, objectId: oldId },
      after: absent(newMode) ? undefined : { mode: newMode, objectId: newId },
    });
  }
  return files;
}

/**
 * Three-way merge of one file: take the agent's lines back (agent version → version before)
 * while keeping later edits elsewhere in the file. undefined when they overlap, or for binary files.
 */
async function mergeBack(repository: Repository, current: Buffer, agentVersion: Buffer, before: Buffer): Promise<Buffer | undefined> {
  return withScratchDirectory(repository, async (directory) => {
    const paths = { current: join(directory, 'current'), agent: join(directory, 'agent'), before: join(directory, 'before') };
    await Promise.all([writeFile(paths.current, current), writeFile(paths.agent, agentVersion), writeFile(paths.before, before)]);
    const result = await runGitRaw({
      args: ['merge-file', '-p', paths.current, paths.agent, paths.before],
      cwd: repository.topLevel,
      okExitCodes: Array.from({ length: 256 }, (_, code) => code),
    });
    return result.exitCode === 0 ? result.stdout : undefined;
  });
}
