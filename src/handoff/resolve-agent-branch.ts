import { GitStateError, NothingToActOnError, UsageError } from '../errors/litecode-error.js';
import type { Repository } from '../git/repository.js';
import { agentBranchPrefix } from '../git/agent-branch.js';
import { isPending, summarizeAgentBranches, type AgentBranchSummary } from './agent-branches.js';

/**
 * The agent branch a command acts on: the one named (with or without the `litecode/` prefix),
 * or else the newest branch with agent commits that HEAD does not have yet.
 */
export async function resolveAgentBranch(repository: Repository, requested: string | undefined): Promise<AgentBranchSummary> {
  const branches = await summarizeAgentBranches(repository);
  if (requested === undefined) {
    const newest = branches.find(isPending);
    if (!newest) throw new NothingToActOnError('there is no pending agent branch', 'see them all with `git litecode status`, or name one');
    return newest;
  }
  const name = requested.replace(/^refs\/heads\//, '');
  const found = branches.find((branch) => branch.name === name) ?? branches.find((branch) => branch.name === `${agentBranchPrefix}${name}`);
  // Naming a branch git litecode did not make is a mistake in the arguments, not in the repository.
  if (!found) {
    throw new UsageError(`${requested} is not an agent branch`, `git litecode only takes litecode/* branches it made; list them with \`git litecode status\``);
  }
  return found;
}

/** Refuses a branch whose new commits were not made by git litecode. */
export function assertHasAgentCommits(branch: AgentBranchSummary): void {
  if (branch.commitsAhead.length > 0 && !branch.commitsAhead.some((commit) => commit.isAgentCommit)) {
    throw new GitStateError(`${branch.name} has no agent commits`, 'merge it with plain git (`git merge`) if you meant to take it');
  }
}
