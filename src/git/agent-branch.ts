import { createHash } from 'node:crypto';
import { agentBranchPrefix } from './agent-branch-prefix.js';
import type { BaseCommit } from './base-commit.js';
import type { Repository } from './repository.js';
import { worktreesByBranch } from './checked-out-branches.js';
import { isAgentCommit } from './agent-commit-check.js';
import { runGit } from './run-git.js';

// In its own module so that reading history does not load branch naming (node:crypto and more).
export { agentBranchPrefix };
const slugLimit = 48;

/**
 * A branch-name slug from free text: ASCII letters and digits joined by single dashes, at most
 * 48 characters, cut at a dash. Accents are dropped ("café" → "cafe"); when nothing usable is
 * left (a request in Chinese, only punctuation) the name is generated from a hash of the request.
 * The result always passes `git check-ref-format` as litecode/<slug>.
 */
export function slugifyRequest(request: string): string {
  const words = request
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > slugLimit) {
      if (!slug) slug = word.slice(0, slugLimit);
      break;
    }
    slug = next;
  }
  return slug || `change-${createHash('sha1').update(request).digest('hex').slice(0, 7)}`;
}

export interface AgentBranchChoice {
  branch: string;
  parent: string;
  /** The tip the branch must still have when the commit lands; null: it must not exist yet. */
  expectedOldValue: string | null;
  stacked: boolean;
  /**
   * Why a follow-up did not stack on the pending agent branch (it is checked out in a worktree,
   * or its tip is not an agent commit) and got a branch of its own instead.
   */
  notStackedBecause?: string;
}

/**
 * Where the next agent commit goes. A follow-up stacks on the newest agent branch that is not
 * merged into HEAD yet, but only one git-litecode may move: its tip must be an agent commit (by
 * its trailers), and no worktree may have it checked out (moving it would leave that worktree's
 * index and files behind, so its next commit would revert the change). A checked-out branch
 * gets a follow-up branch of its own from its tip (litecode/x-2); branches whose tip is someone
 * else's commit are passed over. Anything else gets a fresh litecode/<slug> from the base, made
 * unique with -2, -3, … Races with another run are settled by the compare-and-swap in commitChanges.
 */
export async function chooseAgentBranch(
  repository: Repository,
  options: {
    request: string;
    base: BaseCommit;
    forceNew: boolean;
    followUp: boolean;
    /** The agent branches as the caller just listed them (saves a listing; a race is settled by compare-and-swap). */
    takenBranches?: ReadonlySet<string>;
    /** Commits already known to be agent commits by their trailers (saves reading their messages). */
    knownAgentCommits?: { has(sha: string): boolean };
    /** The agent branches HEAD does not contain, newest tip first, as the caller just read them (saves a listing). */
    pendingBranches?: readonly AgentBranchTip[];
  },
): Promise<AgentBranchChoice> {
  let notStackedBecause: string | undefined;
  if (options.followUp && !options.forceNew) {
    const found = await followUpTarget(repository, options.knownAgentCommits, options.pendingBranches);
    if (found.kind === 'stack') return { branch: found.branch.branch, parent: found.branch.tip, expectedOldValue: found.branch.tip, stacked: true };
    if (found.kind === 'beside') {
      const branch = await freeBranchName(repository, found.branch.branch);
      return { branch, parent: found.branch.tip, expectedOldValue: null, stacked: true, notStackedBecause: found.reason };
    }
    notStackedBecause = found.reason;
  }
  const branch = await freeBranchName(repository, `${agentBranchPrefix}${slugifyRequest(options.request)}`, options.takenBranches);
  return { branch, parent: options.base.commit, expectedOldValue: null, stacked: false, ...(notStackedBecause ? { notStackedBecause } : {}) };
}

type FollowUpTarget =
  | { kind: 'stack'; branch: AgentBranchTip }
  /** Build on the branch's tip, on a new branch beside it. */
  | { kind: 'beside'; branch: AgentBranchTip; reason: string }
  | { kind: 'fresh'; reason?: string };

/** The newest pending agent branch a follow-up may build on, and whether it may move. */
async function followUpTarget(
  repository: Repository,
  knownAgentCommits: { has(sha: string): boolean } = new Set(),
  listed?: readonly AgentBranchTip[],
): Promise<FollowUpTarget> {
  const pending = listed ?? (await listAgentBranches(repository, { unmergedInto: 'HEAD' }));
  if (pending.length === 0) return { kind: 'fresh' };
  const worktrees = await worktreesByBranch(repository);
  const passedOver: string[] = [];
  for (const candidate of pending) {
    if (!knownAgentCommits.has(candidate.tip) && !(await isAgentCommit(repository, candidate.tip))) {
      passedOver.push(`${candidate.branch}'s newest commit ${candidate.tip.slice(0, 7)} is not an agent commit`);
      continue;
    }
    const worktree = worktrees.get(candidate.branch);
    if (worktree !== undefined) return { kind: 'beside', branch: candidate, reason: `${candidate.branch} is checked out in ${worktree}` };
    return { kind: 'stack', branch: candidate };
  }
  return { kind: 'fresh', reason: passedOver.join('; ') };
}

/** `stem`, or `stem-2`, `stem-3`…: the first name no branch has (a run at the same moment may still take it). */
export async function freeBranchName(repository: Repository, stem: string, listed?: ReadonlySet<string>): Promise<string> {
  const taken = listed ?? new Set((await listAgentBranches(repository)).map((branch) => branch.branch));
  let branch = stem;
  for (let suffix = 2; taken.has(branch) || hasNestedBranch(taken, branch); suffix++) branch = `${stem}-${suffix}`;
  return branch;
}

/** litecode/a cannot be created while litecode/a/b exists (git stores refs as files). */
function hasNestedBranch(taken: ReadonlySet<string>, branch: string): boolean {
  for (const name of taken) if (name.startsWith(`${branch}/`)) return true;
  return false;
}

export interface AgentBranchTip {
  branch: string;
  tip: string;
}

export interface AgentBranch extends AgentBranchTip {
  committerDate: number;
}

/** litecode/* branches, newest tip first. */
export async function listAgentBranches(repository: Repository, options: { unmergedInto?: string } = {}): Promise<AgentBranch[]> {
  const { stdout } = await runGit({
    args: [
      'for-each-ref',
      '--sort=-committerdate',
      '--format=%(refname)%00%(objectname)%00%(committerdate:unix)',
      ...(options.unmergedInto ? [`--no-merged=${options.unmergedInto}`] : []),
      `refs/heads/${agentBranchPrefix}`,
    ],
    cwd: repository.topLevel,
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref = '', tip = '', date = '0'] = line.split('\0');
      return { branch: ref.replace(/^refs\/heads\//, ''), tip, committerDate: Number(date) };
    });
}

async function newestUnmergedAgentBranch(repository: Repository): Promise<AgentBranch | undefined> {
  return (await listAgentBranches(repository, { unmergedInto: 'HEAD' }))[0];
}
