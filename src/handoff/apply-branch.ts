import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GitStateError } from '../errors/litecode-error.js';
import { GitCommandError, runGit, runGitRaw, type GitResult } from '../git/run-git.js';
import type { Repository } from '../git/repository.js';
import { requireIdentity } from '../git/identity.js';
import { assertNoOperationInProgress } from '../git/operation-in-progress.js';
import { deleteBranch, revParse } from '../git/scratch-commit.js';
import { recordAppliedCommits } from '../git/agent-commit-index.js';
import type { AgentBranchSummary } from './agent-branches.js';
import { recoveryCommand } from '../git/branch-recovery.js';
import { branchesCheckedOut } from '../git/checked-out-branches.js';
import { commitRulesInEffect } from '../git/commit-rules.js';
import { assertHasAgentCommits, resolveAgentBranch } from './resolve-agent-branch.js';
import { changedPaths, currentBranch, hasStagedChanges, locallyChangedPaths } from './working-tree-state.js';

/** How the agent's work reaches the user's branch. */
export type ApplyMode = 'fast-forward' | 'cherry-pick' | 'squash' | 'patch' | 'onto-working-tree';

/**
 * Why the commits took the way they did: fast-forwarded because the user asked (--ff) or because
 * `git commit` would have added nothing (no hook, template or signing); re-made with `git commit`
 * because such rules are configured, or because the user's branch has moved on.
 */
export type ApplyReason = 'ff-requested' | 'no-commit-rules' | 'commit-rules' | 'branch-moved-on';

export interface ApplyRequest {
  branch: string | undefined;
  how: 'commits' | 'squash' | 'patch';
  keep: boolean;
  /** Fast-forward when possible, even if hooks, a template or signing are configured (--ff). */
  fastForward?: boolean;
}

export type ApplyResult =
  | {
      outcome: 'applied';
      branch: string;
      sha: string;
      mode: ApplyMode;
      /** For the commit modes (fast-forward, cherry-pick): why that way; undefined for the others. */
      reason: ApplyReason | undefined;
      /** What the user's `git commit` applies ("pre-commit hook", "commit.gpgsign"), for the commit modes. */
      commitRules: string[];
      /** The commits that landed on the user's branch as commits: from..to (old tip..new tip); null when none did. */
      landed: { from: string; to: string } | null;
      commits: string[];
      files: string[];
      head: string;
      deleted: boolean;
      recovery: string;
      /** What git and the user's hooks printed on stderr (for example a post-commit hook). */
      gitOutput: string;
    }
  | { outcome: 'already-applied'; branch: string; sha: string };

/**
 * Brings an agent branch into the current branch. The one command (with hook install) that
 * changes the user's HEAD, index and working tree, and only after every refusal check passed.
 */
export async function applyAgentBranch(repository: Repository, request: ApplyRequest): Promise<ApplyResult> {
  await assertNoOperationInProgress(repository);
  const branch = await resolveAgentBranch(repository, request.branch);
  if ((await currentBranch(repository)) === branch.name) {
    throw new GitStateError(`you are on ${branch.name} itself`, 'switch to the branch you want the change in (git switch <branch>), then run git litecode apply again');
  }
  assertHasAgentCommits(branch);
  if (branch.commitsAhead.length === 0) return { outcome: 'already-applied', branch: branch.name, sha: branch.sha };
  if (branch.commitsAhead.some((commit) => !commit.isAgentCommit)) return applyOntoWorkingTree(repository, branch, request.keep);
  const base = await mergeBase(repository, branch.sha);
  const files = await changedPaths(repository, base, branch.sha);
  await assertSafeToApply(repository, files);
  const head = await revParse(repository, 'HEAD^{commit}');
  const commitRules = request.how === 'commits' ? await commitRulesInEffect(repository) : [];
  const { mode, reason } = chooseMode(request, base === head, commitRules);
  // Re-made commits are the user's own: git needs their identity, so ask before starting.
  if (mode === 'cherry-pick') await requireIdentity(repository);
  const result = await runApply(repository, mode, branch, base);
  const newHead = await revParse(repository, 'HEAD^{commit}');
  // The agent's commits that landed on the user's branch, as commits: head..newHead.
  const landed = mode === 'fast-forward' || mode === 'cherry-pick' ? { from: head, to: newHead } : null;

  const deleted = await deleteAppliedBranch(repository, branch, request.keep, `applied with git litecode apply (${mode})`);
  if (landed) await recordAppliedCommits(repository, landed.from, landed.to);
  return {
    outcome: 'applied',
    branch: branch.name,
    sha: branch.sha,
    mode,
    reason,
    commitRules,
    landed,
    commits: branch.commitsAhead.map((commit) => commit.sha),
    files,
    head: newHead,
    deleted,
    recovery: recoveryCommand(branch.name, branch.sha),
    // git apply narrates its fallbacks, which is noise; merges and cherry-picks may carry the user's hook output.
    gitOutput: mode === 'patch' ? '' : result.stderr.trim(),
  };
}

/**
 * Whatever reaches the user's branch goes through their `git commit` (hooks, template, signing).
 * A fast-forward, which skips all of that, is taken only when the user asks for it or when
 * `git commit` would add nothing.
 */
function chooseMode(
  request: ApplyRequest,
  canFastForward: boolean,
  commitRules: readonly string[],
): { mode: Exclude<ApplyMode, 'onto-working-tree'>; reason: ApplyReason | undefined } {
  if (request.how === 'squash') return { mode: 'squash', reason: undefined };
  if (request.how === 'patch') return { mode: 'patch', reason: undefined };
  if (!canFastForward) return { mode: 'cherry-pick', reason: 'branch-moved-on' };
  if (request.fastForward) return { mode: 'fast-forward', reason: 'ff-requested' };
  return commitRules.length === 0 ? { mode: 'fast-forward', reason: 'no-commit-rules' } : { mode: 'cherry-pick', reason: 'commit-rules' };
}

/**
 * A branch built with --snapshot (or suggest --write) sits on a commit of the user's own
 * uncommitted (or staged) work, which must never land as a commit of its own. Only the agent
 * commits' diff is applied, onto the working tree that still holds that work.
 */
async function applyOntoWorkingTree(repository: Repository, branch: AgentBranchSummary, keep: boolean): Promise<ApplyResult> {
  const cwd = repository.topLevel;
  const firstAgentCommit = branch.commitsAhead.findIndex((commit) => commit.isAgentCommit);
  if (branch.commitsAhead.slice(firstAgentCommit).some((commit) => !commit.isAgentCommit)) {
    throw new GitStateError(`${branch.name} mixes agent commits with others`, 'apply it by hand with git cherry-pick');
  }
  const from = `${branch.commitsAhead[firstAgentCommit]!.sha}^`;
  const files = await changedPaths(repository, from, branch.sha);
  await assertNothingStaged(repository);
  const patch = await runGitRaw({ args: ['diff', '--binary', '--full-index', from, branch.sha, '--'], cwd });
  const check = await runGit({ args: ['apply', '--check', '--whitespace=nowarn'], cwd, input: patch.stdout, okExitCodes: [0, 1] });
  if (check.exitCode !== 0) {
    throw new GitStateError(
      `${branch.name} was built on a snapshot of your uncommitted work, and your working tree no longer matches it`,
      'see the change with git litecode show and apply it by hand, or drop it with git litecode drop',
    );
  }
  await runGit({ args: ['apply', '--whitespace=nowarn'], cwd, input: patch.stdout });
  const deleted = await deleteAppliedBranch(repository, branch, keep, 'applied with git litecode apply onto the working tree');
  return {
    outcome: 'applied',
    branch: branch.name,
    sha: branch.sha,
    mode: 'onto-working-tree',
    reason: undefined,
    commitRules: [],
    landed: null,
    commits: branch.commitsAhead.slice(firstAgentCommit).map((commit) => commit.sha),
    files,
    head: await revParse(repository, 'HEAD^{commit}'),
    deleted,
    recovery: recoveryCommand(branch.name, branch.sha),
    gitOutput: '',
  };
}

/** Nothing of the user's may be at risk: no staged work, no local change to a file the agent change touches. */
async function assertSafeToApply(repository: Repository, files: readonly string[]): Promise<void> {
  await assertNothingStaged(repository);
  const touched = await locallyChangedPaths(repository, files);
  if (touched.length > 0) {
    throw new GitStateError(`you have local changes to ${touched.join(', ')}, which the agent change also touches`, 'commit or stash them (git stash), then run git litecode apply again');
  }
}

async function assertNothingStaged(repository: Repository): Promise<void> {
  if (await hasStagedChanges(repository)) {
    throw new GitStateError('your index has staged changes', 'commit them or stash them (git stash), then run git litecode apply again');
  }
}

/** Git refuses to delete a branch checked out in some worktree, and so do we: it is kept then. Returns whether it was deleted. */
async function deleteAppliedBranch(repository: Repository, branch: AgentBranchSummary, keep: boolean, reason: string): Promise<boolean> {
  if (keep || (await branchesCheckedOut(repository)).has(branch.name)) return false;
  await deleteBranch(repository, branch.name, branch.sha, reason);
  return true;
}

async function mergeBase(repository: Repository, sha: string): Promise<string> {
  const { stdout } = await runGit({ args: ['merge-base', 'HEAD', sha], cwd: repository.topLevel });
  return stdout.trim();
}

async function runApply(repository: Repository, mode: Exclude<ApplyMode, 'onto-working-tree'>, branch: AgentBranchSummary, base: string): Promise<GitResult> {
  const cwd = repository.topLevel;
  // Git must never stop to open an editor inside a command the user did not make interactive.
  const env = { GIT_EDITOR: 'true' };
  switch (mode) {
    case 'fast-forward':
      return runGit({ args: ['merge', '--ff-only', '--no-edit', branch.sha], cwd, env });
    case 'cherry-pick':
      return cherryPickThroughHooks(repository, branch);
    case 'squash':
      return stopOnConflict(repository, branch, () => runGit({ args: ['merge', '--squash', branch.sha], cwd, env }), {
        finish: 'resolve the files, `git add` them and `git commit`',
        abort: '`git reset --merge` to go back',
      });
    case 'patch': {
      // As bytes: a patch of files that are not UTF-8 must reach git apply unchanged.
      const patch = await runGitRaw({ args: ['diff', '--binary', '--full-index', base, branch.sha, '--'], cwd });
      return stopOnConflict(repository, branch, () => runGit({ args: ['apply', '--3way', '--whitespace=nowarn'], cwd, input: patch.stdout }), {
        finish: 'resolve the conflict markers and `git add` the files',
        abort: '`git reset --merge` to go back',
      });
    }
  }
}

/**
 * Each agent commit lands as any commit of the user's does, through `git commit -C`, so their
 * pre-commit, prepare-commit-msg and commit-msg hooks and their signing run (plain
 * `git cherry-pick` skips the first and a fast-forward skips all); author and message, trailers
 * included, stay as the agent branch recorded them. A stop (conflict or refusing hook) leaves that
 * commit's changes staged and says how to finish it, take the rest, or go back.
 */
async function cherryPickThroughHooks(repository: Repository, branch: AgentBranchSummary): Promise<GitResult> {
  const cwd = repository.topLevel;
  // LITECODE_SKIP: git-litecode's own pre-commit hook would only ask the model about the model's
  // own, already checked change; a hook it chained (the user's) still runs.
  const env = { GIT_EDITOR: 'true', LITECODE_SKIP: '1' };
  const headBefore = await revParse(repository, 'HEAD^{commit}');
  const output: string[] = [];
  const commits = branch.commitsAhead.map((commit) => commit.sha);
  for (const [index, sha] of commits.entries()) {
    const rest = commits.length - index - 1;
    const afterFinishing = rest > 0 ? `, then run git litecode apply ${branch.name} again for the other ${rest}` : '';
    // Going back also undoes the agent commits this run already made.
    const goBack = index === 0 ? '`git reset --merge`' : `\`git reset --merge ${headBefore}\``;
    await stopOnConflict(repository, branch, () => runGit({ args: ['cherry-pick', '--no-commit', sha], cwd, env }), {
      finish: `resolve the files, \`git add\` them and \`git commit -C ${sha}\`${afterFinishing}`,
      abort: `${goBack} to go back`,
    });
    // Already in HEAD, as when apply runs again after a stop: nothing of this commit is left to take.
    if (!(await hasStagedChanges(repository))) continue;
    try {
      const committed = await runGit({ args: ['commit', '--quiet', '--no-edit', '-C', sha], cwd, env });
      output.push(committed.stdout.trim(), committed.stderr.trim());
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      // Almost always a pre-commit or commit-msg hook saying no; its last line says why.
      const said = lastLine(error.stderr);
      throw new GitStateError(
        `git commit refused the changes of ${sha.slice(0, 12)} from ${branch.name}${said ? ` (${said})` : ''}; they are staged`,
        `fix what your hooks or signing report and finish with \`git commit -C ${sha}\`${afterFinishing}, or ${goBack} to go back`,
        error,
      );
    }
  }
  return { stdout: '', stderr: output.filter(Boolean).join('\n'), exitCode: 0 };
}

function lastLine(text: string): string | undefined {
  return text.trim().split('\n').map((line) => line.trim()).filter(Boolean).at(-1);
}

/** A conflict is left exactly as git made it; the user gets one line on how to finish or abort. */
async function stopOnConflict(
  repository: Repository,
  branch: AgentBranchSummary,
  operation: () => Promise<GitResult>,
  next: { finish: string; abort: string },
): Promise<GitResult> {
  try {
    return await operation();
  } catch (error) {
    const conflicted = await unmergedPaths(repository);
    if (conflicted.length === 0 && !existsSync(join(repository.gitDir, 'CHERRY_PICK_HEAD'))) throw error;
    throw new GitStateError(`applying ${branch.name} stopped on a conflict in ${conflicted.join(', ') || 'the working tree'}`, `${next.finish}, or ${next.abort}`, error);
  }
}

async function unmergedPaths(repository: Repository): Promise<string[]> {
  const { stdout } = await runGit({ args: ['diff', '--name-only', '--diff-filter=U', '-z'], cwd: repository.topLevel });
  return [...new Set(stdout.split('\0').filter(Boolean))];
}
