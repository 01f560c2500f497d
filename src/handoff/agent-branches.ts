import { listAgentBranches } from '../git/agent-branch.js';
import { runGit } from '../git/run-git.js';
import type { Repository } from '../git/repository.js';

/** One commit that an agent branch has and the current HEAD does not. */
export interface BranchCommit {
  sha: string;
  subject: string;
  /** Whether the commit carries the `Litecode-Kind` trailer that every agent commit has. */
  isAgentCommit: boolean;
  /** The agent's one-sentence memory of the change (`Litecode-Synthesis`), else the subject. */
  synthesis: string;
  committedAt: Date;
}

export interface AgentBranchSummary {
  /** Short branch name, e.g. `litecode/add-retry-1a2b3c`. */
  name: string;
  sha: string;
  committedAt: Date;
  /** Commits on the branch that HEAD does not have, oldest first. */
  commitsAhead: BranchCommit[];
  /** The synthesis of the newest commit HEAD does not have (empty when HEAD has them all). */
  synthesis: string;
}

const fieldSeparator = '\x1f';
const recordSeparator = '\x1e';

/** Every `litecode/*` branch, newest first, with the commits it has that HEAD has not. */
export async function summarizeAgentBranches(repository: Repository): Promise<AgentBranchSummary[]> {
  const branches: AgentBranchSummary[] = [];
  for (const { branch, tip, committerDate } of await listAgentBranches(repository)) {
    const commitsAhead = await commitsAheadOfHead(repository, tip);
    branches.push({ name: branch, sha: tip, committedAt: new Date(committerDate * 1000), commitsAhead, synthesis: commitsAhead.at(-1)?.synthesis ?? '' });
  }
  return branches;
}

/** A branch with agent commits that HEAD does not have yet. */
export function isPending(branch: AgentBranchSummary): boolean {
  return branch.commitsAhead.some((commit) => commit.isAgentCommit);
}

async function commitsAheadOfHead(repository: Repository, sha: string): Promise<BranchCommit[]> {
  const { stdout } = await runGit({
    args: ['log', '--reverse', `--format=%H${fieldSeparator}%ct${fieldSeparator}%s${fieldSeparator}%(trailers:key=Litecode-Kind,valueonly,separator=%x2C)${fieldSeparator}%(trailers:key=Litecode-Synthesis,valueonly,separator=%x20)${recordSeparator}`, `HEAD..${sha}`, '--'],
    cwd: repository.topLevel,
  });
  return stdout
    .split(recordSeparator)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [commitSha = '', committedAt = '0', subject = '', kind = '', synthesis = ''] = record.split(fieldSeparator);
      return { sha: commitSha, subject, isAgentCommit: kind.trim() !== '', synthesis: synthesis.trim() || subject, committedAt: new Date(Number(committedAt) * 1000) };
    });
}
