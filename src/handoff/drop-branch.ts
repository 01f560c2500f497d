import { GitStateError } from '../errors/litecode-error.js';
import { runGit } from '../git/run-git.js';
import type { Repository } from '../git/repository.js';
import { agentBranchPrefix } from '../git/agent-branch.js';
import { deleteBranch } from '../git/scratch-commit.js';
import { recoveryCommand } from '../git/branch-recovery.js';
import { branchesCheckedOut, worktreesByBranch } from '../git/checked-out-branches.js';
import { resolveAgentBranch } from './resolve-agent-branch.js';

export interface DroppedBranch {
  branch: string;
  sha: string;
  /** The command that brings the branch back (see recoveryCommand for how long it works). */
  recovery: string;
}

/** Deletes one agent branch: the one named, or else the newest pending one. */
export async function dropAgentBranch(repository: Repository, requested: string | undefined): Promise<DroppedBranch> {
  const branch = await resolveAgentBranch(repository, requested);
  const worktree = (await worktreesByBranch(repository)).get(branch.name);
  if (worktree !== undefined) {
    // As git says it: which worktree has it, since `git switch -` here cannot help with another one.
    const here = worktree === repository.topLevel;
    throw new GitStateError(
      here ? `${branch.name} is checked out` : `${branch.name} is checked out in ${worktree}`,
      here ? 'switch to another branch first (git switch -), then drop it' : `switch that worktree to another branch (git -C ${worktree} switch -), or remove it (git worktree remove ${worktree}), then drop it`,
    );
  }
  await deleteBranch(repository, branch.name, branch.sha, 'git litecode drop');
  return { branch: branch.name, sha: branch.sha, recovery: recoveryCommand(branch.name, branch.sha) };
}

/** Deletes every agent branch whose commits are all in HEAD already. Checked-out branches are left alone. */
export async function dropAppliedAgentBranches(repository: Repository): Promise<DroppedBranch[]> {
  const { stdout } = await runGit({
    args: ['for-each-ref', '--merged=HEAD', '--format=%(refname:short) %(objectname)', `refs/heads/${agentBranchPrefix}`],
    cwd: repository.topLevel,
  });
  const checkedOut = await branchesCheckedOut(repository);
  const dropped: DroppedBranch[] = [];
  for (const line of stdout.split('\n').filter(Boolean)) {
    const [name = '', sha = ''] = line.split(' ');
    if (checkedOut.has(name)) continue;
    await deleteBranch(repository, name, sha, 'git litecode drop --all-applied');
    dropped.push({ branch: name, sha, recovery: recoveryCommand(name, sha) });
  }
  return dropped;
}
