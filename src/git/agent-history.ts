import { NothingToActOnError, UsageError } from '../errors/litecode-error.js';
import { agentBranchPrefix } from './agent-branch-prefix.js';
import { type AgentCommitMetadata, parseAgentCommitMessage } from './commit-message.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';
import { type AgentBranchTip, type IndexSnapshot, type IndexedCommitRef, readIndexedCommits, readVerifiedIndex, refPatterns, settleSameSecondOrder } from './agent-commit-index.js';

/**
 * pending: on a litecode/* branch, not in HEAD. applied: reachable from HEAD. undone: an undo
 * commit reverts it (applied, or stacked on it while it is still pending), or an undo moved its
 * branch back (refs/litecode/undone/<sha>; the index keeps it from gc, so it stays listed).
 */
export type AgentCommitState = 'pending' | 'applied' | 'undone';

const fieldSeparator = '\x1f';

export interface AgentCommit {
  sha: string;
  parents: string[];
  branch: string | undefined;
  state: AgentCommitState;
  date: Date;
  metadata: AgentCommitMetadata;
}

/**
 * Agent commits, newest first (committer date; a commit never after its parent), read from the
 * agent-commit index (refs/litecode/commits/*, see agent-commit-index.ts): the cost follows the
 * number of agent commits, not the length of the history. Recognised by trailers only: no
 * memory file, so a fresh clone or a new shell sees the same history (one walk builds the index).
 * `includeUndone: false` skips undone commits and still returns up to `limit`. `readOnly` (for
 * questions, and edits or undos that may yet be refused) brings a stale index up to date in
 * memory only. `head`: HEAD's commit as discovery read it, for commands that do not move HEAD
 * (saves a git process).
 */
export async function listAgentCommits(
  repository: Repository,
  options: { limit?: number; includeUndone?: boolean; readOnly?: boolean; head?: string } = {},
): Promise<AgentCommit[]> {
  return (await readAgentHistory(repository, options)).commits;
}

/** What one read of the agent's history also saw, so that a request asks git for none of it again. */
export interface AgentHistory {
  commits: AgentCommit[];
  /** refs/heads/litecode/* as the same listing saw them (the names a new branch must avoid). */
  branches: AgentBranchTip[];
  /** The index needed no walk: an edit that adds its commit leaves nothing to save afterwards. */
  indexFresh: boolean;
  /** Commits the same read saw as agent commits by their trailers (any indexed one, not only those listed). */
  agentCommits: KnownCommits;
  /**
   * The agent branches HEAD does not contain, newest tip first, when the read could tell (every
   * branch tip is an indexed commit whose reachability it asked); else undefined.
   */
  pendingBranches?: AgentBranchTip[];
}

export interface KnownCommits {
  has(sha: string): boolean;
}

/** listAgentCommits, with the branches and the index's freshness from the same read. */
export async function readAgentHistory(
  repository: Repository,
  options: { limit?: number; includeUndone?: boolean; readOnly?: boolean; head?: string } = {},
): Promise<AgentHistory> {
  const read = await readVerifiedIndex(repository, { readOnly: options.readOnly, head: options.head });
  const { commits, reachability } = await describeNewest(repository, read, options);
  const listed = new Set(commits.map((commit) => commit.sha));
  const agentCommits: KnownCommits = {
    has: (sha) => listed.has(sha) || read.unrecorded.has(sha) || (read.messages.has(sha) && parseAgentCommitMessage(read.messages.get(sha)!) !== undefined),
  };
  const pendingBranches = read.branches.every((branch) => reachability.asked.has(branch.tip)) ? read.branches.filter((branch) => !reachability.applied.has(branch.tip)) : undefined;
  return { commits, branches: read.branches, indexFresh: read.fresh === true, agentCommits, pendingBranches };
}

async function describeNewest(
  repository: Repository,
  read: IndexSnapshot,
  options: { limit?: number; includeUndone?: boolean; readOnly?: boolean },
): Promise<{ commits: AgentCommit[]; reachability: Reachability }> {
  const total = read.commits.length;
  const limit = options.limit ?? total;
  // Undone commits are skipped after this, so settle a few more than asked for.
  const snapshot = { ...read, commits: await settleSameSecondOrder(repository, read.commits, limit + 8) };
  let take = Math.min(total, limit);
  const reachability: Reachability = { asked: new Set(), applied: new Set(), pending: new Set() };
  for (;;) {
    const described = await describeCommits(repository, snapshot, snapshot.commits.slice(0, take), options.readOnly ?? false, reachability);
    const commits = options.includeUndone === false ? described.filter((commit) => commit.state !== 'undone') : described;
    if (commits.length >= limit || take >= total) return { commits: commits.slice(0, limit), reachability };
    take = Math.min(total, take * 2 + 8);
  }
}

/**
 * Which commits HEAD and the agent branches reach, as far as asked: a wider window of the index
 * asks git only about the commits the narrower one did not cover.
 */
interface Reachability {
  asked: Set<string>;
  applied: Set<string>;
  pending: Set<string>;
}

/** Messages, branches and states of a window of the index (the newest commits). */
async function describeCommits(
  repository: Repository,
  snapshot: IndexSnapshot,
  window: readonly IndexedCommitRef[],
  readOnly: boolean,
  reachability: Reachability,
): Promise<AgentCommit[]> {
  const shas = window.map((commit) => commit.sha);
  const indexed = shas.filter((sha) => !snapshot.unrecorded.has(sha));
  const unrecorded = shas.filter((sha) => snapshot.unrecorded.has(sha));
  const newlyIndexed = indexed.filter((sha) => !reachability.asked.has(sha));
  const newlyUnrecorded = unrecorded.filter((sha) => !reachability.asked.has(sha));
  const [parsed, applied, unrecordedInHead] = await Promise.all([
    readIndexedCommits(repository, indexed, { readOnly, snapshot }),
    refsMerged(repository, newlyIndexed, ['--merged=HEAD']),
    inHead(repository, newlyUnrecorded),
  ]);
  const pending =
    snapshot.branches.length === 0
      ? new Set<string>()
      : (pendingFromListing(snapshot, newlyIndexed, applied) ??
        (await refsMerged(repository, newlyIndexed, ['--no-merged=HEAD', ...snapshot.branches.map((branch) => `--merged=${branch.tip}`)])));
  // Found by a walk from HEAD and the agent branches: in HEAD, or else on an agent branch.
  for (const sha of newlyUnrecorded) (unrecordedInHead.has(sha) ? applied : pending).add(sha);
  for (const sha of [...newlyIndexed, ...newlyUnrecorded]) reachability.asked.add(sha);
  for (const sha of applied) reachability.applied.add(sha);
  for (const sha of pending) reachability.pending.add(sha);
  for (const sha of reachability.applied) applied.add(sha);
  for (const sha of reachability.pending) pending.add(sha);
  const bySha = new Map([...parsed, ...unrecorded.map((sha) => snapshot.unrecorded.get(sha)!)].map((commit) => [commit.sha, commit]));
  const branchOf = await branchesOf(repository, snapshot, bySha, { applied, pending });
  const commits: AgentCommit[] = [];
  for (const sha of shas) {
    const commit = bySha.get(sha);
    if (!commit) continue;
    const state: AgentCommitState | undefined = applied.has(sha) ? 'applied' : pending.has(sha) ? 'pending' : snapshot.undone.has(sha) ? 'undone' : undefined;
    // In no agent branch and not in HEAD, and no undo took it off its branch: dropped, squashed,
    // rewritten, or applied to a branch that is not checked out. Not listed, as git would not show it.
    if (!state) continue;
    commits.push({ ...commit, branch: branchOf.get(sha), state });
  }
  markUndone(commits);
  return commits;
}

/**
 * The commits of `window` that an agent branch reaches and HEAD does not, from the listing alone
 * (saves `for-each-ref --no-merged` on most reads): down from each branch tip through the indexed
 * commits' listed parents. `inHead` answers for every commit of the window. Only conclusive when
 * every window commit HEAD lacks is reached that way; otherwise (one on no branch, or below a
 * commit made by hand) undefined, and git is asked.
 */
export function pendingFromListing(snapshot: Pick<IndexSnapshot, 'commits' | 'branches'>, window: readonly string[], inHead: ReadonlySet<string>): Set<string> | undefined {
  const parentsOf = new Map(snapshot.commits.map((commit) => [commit.sha, commit.parents]));
  const reached = new Set<string>();
  const toVisit = snapshot.branches.map((branch) => branch.tip);
  for (let sha = toVisit.pop(); sha !== undefined; sha = toVisit.pop()) {
    // HEAD has what lies below a commit in HEAD; a commit the index lacks hides what lies below it.
    if (reached.has(sha) || inHead.has(sha) || !parentsOf.has(sha)) continue;
    reached.add(sha);
    toVisit.push(...parentsOf.get(sha)!);
  }
  const notInHead = window.filter((sha) => !inHead.has(sha));
  return notInHead.every((sha) => reached.has(sha)) ? new Set(notInHead) : undefined;
}

/** Commits not (yet) in the index that HEAD contains: one merge-base process each (a read-only read of a stale index only). */
async function inHead(repository: Repository, shas: readonly string[]): Promise<Set<string>> {
  const results = await Promise.all(
    shas.map(async (sha) => {
      const { exitCode } = await runGit({ args: ['merge-base', '--is-ancestor', sha, 'HEAD'], cwd: repository.topLevel, okExitCodes: [0, 1] });
      return exitCode === 0 ? [sha] : [];
    }),
  );
  return new Set(results.flat());
}

/** Which of the indexed commits `shas` for-each-ref's reachability filters keep (one process). */
async function refsMerged(repository: Repository, shas: readonly string[], filters: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const { stdout } = await runGit({ args: ['for-each-ref', '--format=%(objectname)', ...filters, ...refPatterns(shas)], cwd: repository.topLevel });
  return new Set(stdout.split('\n').filter(Boolean));
}

/**
 * The agent branch of each commit: down each branch's own chain of agent commits from its tip
 * (newest branch first), in memory, stopping where the chain reaches HEAD's history (the
 * branch's base). A pending commit under a commit made by hand on its branch is asked of git (rare).
 */
async function branchesOf(
  repository: Repository,
  snapshot: IndexSnapshot,
  bySha: Map<string, { parents: string[] }>,
  { applied, pending }: { applied: Set<string>; pending: Set<string> },
): Promise<Map<string, string>> {
  const branchOf = new Map<string, string>();
  for (const { branch, tip } of snapshot.branches) {
    const sameSide = (sha: string) => applied.has(sha) === applied.has(tip);
    for (let sha: string | undefined = tip; sha && bySha.has(sha) && !branchOf.has(sha) && sameSide(sha); sha = bySha.get(sha)!.parents[0]) {
      branchOf.set(sha, branch);
    }
  }
  for (const sha of pending) {
    if (branchOf.has(sha) || !bySha.has(sha)) continue;
    const { stdout } = await runGit({
      args: ['for-each-ref', '--count=1', '--sort=-committerdate', '--format=%(refname)', `--contains=${sha}`, `refs/heads/${agentBranchPrefix}`],
      cwd: repository.topLevel,
    });
    const ref = stdout.trim();
    if (ref) branchOf.set(sha, ref.slice('refs/heads/'.length));
  }
  return branchOf;
}

/** For `show`: a sha or any revision, a branch name (with or without litecode/), or the newest agent commit. */
export async function findAgentCommit(repository: Repository, revision?: string, options: { head?: string } = {}): Promise<AgentCommit> {
  const commits = await listAgentCommits(repository, { head: options.head });
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
