import { NothingToActOnError, UsageError } from '../errors/litecode-error.js';
import { agentBranchPrefix } from './agent-branch.js';
import { type AgentCommitMetadata, parseAgentCommitMessage } from './commit-message.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/**
 * pending: on a litecode/* branch, not in HEAD. applied: reachable from HEAD. undone: an undo
 * commit reverts it (applied, or stacked on it while it is still pending), or it is on no branch
 * any more (an undo moved its branch back).
 */
export type AgentCommitState = 'pending' | 'applied' | 'undone';

export interface AgentCommit {
  sha: string;
  parents: string[];
  branch: string | undefined;
  state: AgentCommitState;
  date: Date;
  metadata: AgentCommitMetadata;
}

/** Narrows git's walk to candidates; parseAgentCommitMessage then checks the trailers themselves. */
const agentCommitGrep = ['--regexp-ignore-case', '--grep=^Litecode-Kind: '];
const fieldSeparator = '\x1f';

/**
 * Agent commits from the litecode/* branches and HEAD's history, newest first (date order, a
 * commit never after its parent). Recognised by trailers only: no memory file, so a fresh clone
 * or a new shell sees the same history.
 */
export async function listAgentCommits(repository: Repository, options: { limit?: number } = {}): Promise<AgentCommit[]> {
  const [logged, pending] = await Promise.all([
    runGit({
      args: [
        'log',
        '-z',
        '--date-order',
        `--format=%H${fieldSeparator}%P${fieldSeparator}%ct${fieldSeparator}%S${fieldSeparator}%B`,
        ...agentCommitGrep,
        ...(options.limit ? [`--max-count=${options.limit}`] : []),
        'HEAD',
        `--branches=${agentBranchPrefix}*`,
        '--',
      ],
      cwd: repository.topLevel,
    }),
    pendingShas(repository),
  ]);
  const commits: AgentCommit[] = [];
  for (const record of logged.stdout.split('\0')) {
    const parsed = parseLogRecord(record);
    if (!parsed) continue;
    const isPending = pending.has(parsed.sha);
    commits.push({
      ...parsed,
      branch: parsed.source.startsWith(agentBranchPrefix) ? parsed.source : undefined,
      state: isPending ? 'pending' : 'applied',
    });
  }
  markUndone(commits);
  return commits;
}

/** For `show`: a sha or any revision, a branch name (with or without litecode/), or the newest agent commit. */
export async function findAgentCommit(repository: Repository, revision?: string): Promise<AgentCommit> {
  const commits = await listAgentCommits(repository);
  if (revision === undefined) {
    const newest = commits[0];
    if (!newest) throw new NothingToActOnError('there are no agent commits in this repository yet', 'make one with git litecode "<request>"');
    return newest;
  }
  const resolved = await resolveRevision(repository, revision);
  const listed = commits.find((commit) => commit.sha === resolved.sha);
  if (listed) return resolved.branch ? { ...listed, branch: resolved.branch } : listed;

  const { stdout } = await runGit({
    args: ['log', '-1', `--format=%H${fieldSeparator}%P${fieldSeparator}%ct${fieldSeparator}${fieldSeparator}%B`, resolved.sha, '--'],
    cwd: repository.topLevel,
  });
  const parsed = parseLogRecord(stdout);
  if (!parsed) throw new UsageError(`${revision} is not an agent commit`, 'see git litecode log for the agent commits');
  // An agent commit that no branch and no HEAD reaches any more was dropped by an undo.
  return { ...parsed, branch: resolved.branch, state: 'undone' };
}

async function resolveRevision(repository: Repository, revision: string): Promise<{ sha: string; branch: string | undefined }> {
  const candidates = revision.startsWith(agentBranchPrefix)
    ? [{ name: `refs/heads/${revision}`, branch: revision }]
    : [
        { name: `refs/heads/${agentBranchPrefix}${revision}`, branch: `${agentBranchPrefix}${revision}` },
        { name: revision, branch: undefined },
      ];
  for (const candidate of candidates) {
    const { stdout, exitCode } = await runGit({
      args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate.name}^{commit}`],
      cwd: repository.topLevel,
      okExitCodes: [0, 1, 128],
    });
    if (exitCode === 0) return { sha: stdout.trim(), branch: candidate.branch };
  }
  throw new UsageError(`no commit or branch named ${revision}`, 'see git litecode log for the agent commits');
}

/** Agent commits on litecode/* branches that HEAD does not contain. */
async function pendingShas(repository: Repository): Promise<Set<string>> {
  const { stdout } = await runGit({
    args: ['rev-list', ...agentCommitGrep, `--branches=${agentBranchPrefix}*`, '--not', 'HEAD', '--'],
    cwd: repository.topLevel,
  });
  return new Set(stdout.split('\n').filter(Boolean));
}

function parseLogRecord(record: string): Omit<AgentCommit, 'branch' | 'state'> & { source: string } | undefined {
  const fields = record.replace(/^\n/, '').split(fieldSeparator);
  if (fields.length < 5) return undefined;
  const [sha = '', parents = '', date = '0', source = ''] = fields;
  const metadata = parseAgentCommitMessage(fields.slice(4).join(fieldSeparator));
  if (!metadata) return undefined;
  return {
    sha,
    parents: parents.split(' ').filter(Boolean),
    date: new Date(Number(date) * 1000),
    source: source.replace(/^refs\/heads\//, ''),
    metadata,
  };
}

function markUndone(commits: AgentCommit[]): void {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  for (const undo of commits) {
    if (undo.metadata.kind !== 'undo' || !undo.metadata.undoes) continue;
    const target = bySha.get(undo.metadata.undoes);
    // An applied change with its revert still under review is still in the user's branch.
    if (target && !(target.state === 'applied' && undo.state === 'pending')) target.state = 'undone';
  }
}
