import { isFullObjectId } from './blob-reader.js';
import { agentBranchPrefix } from './agent-branch-prefix.js';
import { type AgentCommitMetadata, parseAgentCommitMessage } from './commit-message.js';
import type { Repository } from './repository.js';
import { GitCommandError, runGit } from './run-git.js';

/**
 * The index of agent commits: one hidden ref per agent commit, refs/litecode/commits/<sha>,
 * pointing at the commit itself. Listing the agent's history reads these refs (for-each-ref),
 * so its cost follows the number of agent commits, never the length of the history.
 *
 * Why a ref per commit rather than one append-only log ref:
 * - A ref keeps its commit reachable, so `git gc` never prunes an agent commit that an undo took
 *   off its branch: it stays listable (as undone) and recoverable with `git branch <name> <sha>`.
 * - Recording is one ref creation, atomic with the agent branch update (one `update-ref --stdin`
 *   transaction); there is no shared log to read, append and compare-and-swap between runs.
 * - for-each-ref sorts by committer date and filters by --merged/--no-merged in one process; gc
 *   packs the refs into packed-refs, so thousands of them stay one file read.
 * - The default fetch and push refspecs (refs/heads/*, refs/tags/*) never send refs/litecode/*;
 *   only `git push --mirror` does. Since git 2.39 `git log --decorate` does not decorate them;
 *   `git log --all` and `gitk --all` do show the commits (an undone one included).
 *
 * refs/litecode/undone/<sha> marks a commit that an undo took off its branch (written in the
 * same transaction as the branch move). The marker ref refs/litecode/index says the index was
 * built. It points at a tag object whose one-line message holds the number of indexed commits at
 * that time (a floor: runs only add) and the HEAD tips whose history has been scanned: the walk
 * boundary. The tag points at a blob holding the same text, so it keeps no commit alive, and
 * for-each-ref prints its message with the other refs: reading the index costs no extra git
 * process. (Markers written before are blobs; they are still read, and replaced on the next save.) The index is verified on every read, never trusted blindly:
 * - a ref whose commit is gone or has no agent trailers is dropped;
 * - it is stale when HEAD is not a scanned tip, or an agent branch tip is neither indexed nor a
 *   scanned tip: then only `tips --not <boundary>` is walked (the commits made since), the agent
 *   commits found are indexed, and indexed commits they rewrote (same trailers, on no branch any
 *   more, as after an amend or rebase) are dropped;
 * - no marker, fewer refs than the floor (deleted by hand), or a boundary commit gone (pruned by
 *   gc): one full walk rebuilds it.
 * Deleting refs/litecode/index forces a rebuild. Every write is one `update-ref --stdin`
 * transaction, so a crash or Ctrl-C leaves either the old refs or the new ones: `git fsck` is
 * clean and the next read carries on. Reads that must not write (questions, refused edits and
 * undos) bring a stale index up to date in memory only.
 */
export const indexedCommitRefPrefix = 'refs/litecode/commits/';
export const indexMarkerRef = 'refs/litecode/index';
/** The tag message of a marker: `<header 2> count <n> <tip> <tip>…` on one line (for-each-ref's %(contents:subject)). */
const markerTagHeader = 'git-litecode agent-commit index 2';
/** HEAD tips remembered as scanned: enough for switching between a few branches and worktrees. */
const boundaryLimit = 24;

/** refs/litecode/undone/<sha>: an agent commit that an undo took off its branch (kept listable, as undone). */
export const undoneCommitRefPrefix = 'refs/litecode/undone/';

export function markUndoneLine(sha: string): string {
  return `update ${undoneCommitRefPrefix}${sha} ${sha}`;
}

export function indexedCommitRef(sha: string): string {
  return `${indexedCommitRefPrefix}${sha}`;
}

/** One indexed commit as listed by for-each-ref, before its message is read. */
export interface IndexedCommitRef {
  sha: string;
  parents: string[];
  date: number;
}

export interface AgentBranchTip {
  branch: string;
  tip: string;
}

/** What one read of the refs sees: the index (newest first), the agent branches and HEAD. */
export interface IndexSnapshot {
  head: string;
  commits: IndexedCommitRef[];
  branches: AgentBranchTip[];
  /** Commits an undo took off their branch. */
  undone: Set<string>;
  /** Read-only reads of a stale index: agent commits the walk found, kept in memory instead of written. */
  unrecorded: Map<string, ParsedAgentCommit>;
  /** The messages of the indexed commits, as the same listing printed them (saves a git process per read). */
  messages: Map<string, string>;
  /**
   * The refs were up to date (no walk was needed): a run that only adds an agent commit with
   * its index ref keeps them so, and has nothing to save afterwards.
   */
  fresh?: boolean;
}

/** A commit with its message parsed: what a walk or a read of the index yields. */
export interface ParsedAgentCommit {
  sha: string;
  parents: string[];
  date: Date;
  metadata: AgentCommitMetadata;
}

const fieldSeparator = '\x1f';
const agentCommitGrep = ['--regexp-ignore-case', '--grep=^Litecode-Kind: '];

/**
 * Reads the index, first bringing it up to date with HEAD and the agent branches (see the
 * module comment). `head`: HEAD's commit as the caller just read it (discovery), when nothing
 * in between can have moved it (never after an apply). Costs a few for-each-ref processes while nothing changed, and a walk of only
 * the new commits when something did.
 */
export async function readVerifiedIndex(repository: Repository, options: { readOnly?: boolean; head?: string } = {}): Promise<IndexSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const state = await readRefs(repository, options.head);
    const walk = await staleness(repository, state);
    if (!walk) return { ...state, fresh: true };
    if (options.readOnly) {
      const found = await walkAgentCommits(repository, walk.tips, walk.negatives);
      lastReadOnlyWalk = { commonDir: repository.commonDir, marker: state.marker, tips: new Set(walk.tips), found };
      return withUnrecorded(state, found);
    }
    const { found, saved } = await scanAndRecord(repository, state, walk, reusableWalk(repository, state, walk));
    // Refs cannot be written here (a read-only repository, a full disk): answer from memory.
    if (!saved) return withUnrecorded(state, found);
    // Written: read again, so that what is returned is what the refs say. A concurrent run that
    // moved the marker first makes this loop scan once more (bounded).
    if (attempt >= 3) return readRefs(repository, options.head);
  }
}

/**
 * The last read-only walk of this process. An edit reads history read-only, then saves the index
 * once its commit landed: that save reuses the walk instead of walking the history a second time.
 */
let lastReadOnlyWalk: { commonDir: string; marker: string | undefined; tips: Set<string>; found: ParsedAgentCommit[] } | undefined;

/**
 * The read-only walk's result, when it answers this walk too: the same boundary (marker), and
 * every new tip is an indexed commit whose parents were tips of that walk (the commit just made).
 * Commits are immutable, so what was reachable then still is. A superset is harmless: every
 * commit found is an agent commit, and states are computed on each read.
 */
function reusableWalk(repository: Repository, state: RefState, walk: { tips: string[] }): ParsedAgentCommit[] | undefined {
  const last = lastReadOnlyWalk;
  if (!last || last.commonDir !== repository.commonDir || last.marker !== state.marker) return undefined;
  const indexed = new Map(state.commits.map((commit) => [commit.sha, commit]));
  const covered = walk.tips.every((tip) => last.tips.has(tip) || (indexed.get(tip)?.parents.every((parent) => last.tips.has(parent)) ?? false));
  return covered ? last.found : undefined;
}

/** Brings the index up to date and saves it; never fails the command that calls it (the next read repairs). */
export async function refreshAgentCommitIndex(repository: Repository): Promise<void> {
  try {
    await readVerifiedIndex(repository);
  } catch {
    // Only a cache of what git already holds: the next read walks what is missing.
  }
}

/** The walk that brings the index up to date, or undefined when it is fresh (see the module comment). */
async function staleness(repository: Repository, state: RefState): Promise<{ tips: string[]; negatives: string[]; boundary: string[] } | undefined> {
  const allTips = [state.head, ...state.branches.map((branch) => branch.tip)];
  const marker = markerOf(state);
  // Never built, unreadable, or index refs deleted by hand (fewer than were recorded): rebuild.
  if (marker === undefined || state.commits.length < marker.count) return { tips: allTips, negatives: [], boundary: [] };
  const known = new Set(marker.boundary);
  const indexed = new Set(state.commits.map((commit) => commit.sha));
  // HEAD must be a scanned tip (anything may lie below a commit made by hand); an agent
  // branch tip may also be an indexed agent commit, whose ancestors were scanned or indexed.
  const unknownTips = [
    ...(known.has(state.head) ? [] : [state.head]),
    ...state.branches.map((branch) => branch.tip).filter((tip) => !known.has(tip) && !indexed.has(tip)),
  ];
  if (unknownTips.length === 0) return undefined;
  const negatives = await existingCommits(repository, marker.boundary);
  // A scanned tip gone (pruned after a rebase): the walk would have no floor; rebuild.
  if (negatives.length < marker.boundary.length) return { tips: allTips, negatives: [], boundary: [] };
  return { tips: unknownTips, negatives, boundary: marker.boundary };
}

function withUnrecorded(state: RefState, found: ParsedAgentCommit[]): IndexSnapshot {
  const indexed = new Set(state.commits.map((commit) => commit.sha));
  const unrecorded = new Map(found.filter((commit) => !indexed.has(commit.sha)).map((commit) => [commit.sha, commit]));
  const extra = [...unrecorded.values()].map((commit) => ({ sha: commit.sha, parents: commit.parents, date: commit.date.getTime() / 1000 }));
  return { ...state, commits: orderNewestFirst([...state.commits, ...extra]), unrecorded };
}

/** Reads the messages of the given indexed commits; commits without agent trailers are dropped from the index (unless readOnly). */
export async function readIndexedCommits(
  repository: Repository,
  shas: readonly string[],
  options: { readOnly?: boolean; snapshot?: IndexSnapshot } = {},
): Promise<ParsedAgentCommit[]> {
  if (shas.length === 0) return [];
  const listed = options.snapshot;
  const known = listed && shas.every((sha) => listed.messages.has(sha)) ? listed : undefined;
  const { stdout } = known
    ? { stdout: recordsOf(known, shas) }
    : await runGit({
    args: ['for-each-ref', `--format=%(objectname)${fieldSeparator}%(parent)${fieldSeparator}%(committerdate:unix)${fieldSeparator}%(contents)%00`, ...refPatterns(shas)],
        cwd: repository.topLevel,
      });
  const wanted = new Set(shas);
  const parsed: ParsedAgentCommit[] = [];
  const notAgentCommits: string[] = [];
  for (const record of stdout.split('\0')) {
    const fields = record.replace(/^\n/, '').split(fieldSeparator);
    if (fields.length < 4) continue;
    const [sha = '', parents = '', date = '0'] = fields;
    if (!wanted.has(sha)) continue;
    const metadata = parseAgentCommitMessage(fields.slice(3).join(fieldSeparator));
    if (!metadata) {
      notAgentCommits.push(sha);
      continue;
    }
    parsed.push({ sha, parents: parents.split(' ').filter(Boolean), date: new Date(Number(date) * 1000), metadata });
  }
  if (notAgentCommits.length > 0 && !options.readOnly) await dropIndexRefs(repository, notAgentCommits.map((sha) => `delete ${indexedCommitRef(sha)} ${sha}`), 'drop commits without agent trailers');
  return parsed;
}

/** Indexed commits as readIndexedCommits' own for-each-ref would print them, from a listing that printed their messages. */
function recordsOf(snapshot: IndexSnapshot, shas: readonly string[]): string {
  const bySha = new Map(snapshot.commits.map((commit) => [commit.sha, commit]));
  return shas
    .map((sha) => {
      const commit = bySha.get(sha);
      return [sha, commit?.parents.join(' ') ?? '', String(commit?.date ?? 0), snapshot.messages.get(sha) ?? ''].join(fieldSeparator);
    })
    .join('\0');
}

/** Exact ref names for a few commits; the whole prefix for many (a command line has limits). */
export function refPatterns(shas: readonly string[]): string[] {
  return shas.length <= 200 ? shas.map(indexedCommitRef) : [indexedCommitRefPrefix];
}

/**
 * After `apply` moved the user's branch from oldTip to newTip: indexes the agent commits in
 * oldTip..newTip (the same shas after a fast-forward, new ones after a re-commit through
 * `git commit`), drops the agent-branch originals they replace, and records newTip as scanned.
 * The walk is bounded by what was applied.
 */
export async function recordAppliedCommits(repository: Repository, oldTip: string, newTip: string): Promise<void> {
  if (oldTip === newTip) return;
  try {
    const state = await readRefs(repository);
    const marker = markerOf(state);
    // newTip counts as scanned only when oldTip was: commits made by hand before the apply are
    // left to the next read's scan. Without a marker the next read builds the whole index anyway.
    const oldTipScanned = marker !== undefined && marker.boundary.includes(oldTip);
    await scanAndRecord(repository, state, { tips: [newTip], negatives: [oldTip], boundary: marker?.boundary ?? [], moveMarker: oldTipScanned });
  } catch {
    // The change is applied; the index only lags. The next read sees HEAD moved and scans newTip's new commits.
  }
}

/** The transaction lines that index a freshly made agent commit (idempotent: the same sha may be made twice). */
export function recordCommitLine(sha: string): string {
  return `update ${indexedCommitRef(sha)} ${sha}`;
}

interface RefState extends IndexSnapshot {
  /** The marker object's id, undefined when the index was never built. */
  marker: string | undefined;
  /** The marker's tag message, as for-each-ref printed it (undefined when the marker is not a tag). */
  markerText: string | undefined;
}

/**
 * `knownHead`: HEAD's commit when the caller has just read it (discovery), which saves a git
 * process; only for callers that cannot have moved HEAD since.
 */
async function readRefs(repository: Repository, knownHead?: string): Promise<RefState> {
  const [listed, head] = await Promise.all([
    listRefs(repository),
    knownHead ?? runGit({ args: ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], cwd: repository.topLevel }).then((result) => result.stdout.trim()),
  ]);
  const commits: IndexedCommitRef[] = [];
  const branches: AgentBranchTip[] = [];
  const undone = new Set<string>();
  let marker: string | undefined;
  let markerText: string | undefined;
  const messages = new Map<string, string>();
  for (const line of listed.split('\0\n')) {
    if (!line) continue;
    const [ref = '', sha = '', type = '', date = '0', parents = '', subject = '', message = ''] = line.split('\0');
    if (ref.startsWith(indexedCommitRefPrefix) && type === 'commit') messages.set(sha, message);
    if (ref === indexMarkerRef) {
      marker = type === 'blob' || type === 'tag' ? sha : undefined;
      markerText = type === 'tag' ? subject : undefined;
    }
    else if (ref.startsWith(indexedCommitRefPrefix) && type === 'commit') commits.push({ sha, parents: parents.split(' ').filter(Boolean), date: Number(date) });
    else if (ref.startsWith(`refs/heads/${agentBranchPrefix}`) && type === 'commit') branches.push({ branch: ref.slice('refs/heads/'.length), tip: sha });
    else if (ref.startsWith(undoneCommitRefPrefix)) undone.add(sha);
  }
  return { head, commits: orderNewestFirst(commits), branches, undone, unrecorded: new Map(), messages, marker, markerText };
}

/** All of litecode's refs and the agent branches, newest commit first. Refs to missing objects (a damaged repository) are dropped and the listing retried. */
async function listRefs(repository: Repository): Promise<string> {
  const args = [
    'for-each-ref',
    '--sort=-committerdate',
    // The marker tag's message is one line; other refs print nothing there. Commit messages
    // (read with the commit anyway, for its date and parents) end each record with NUL, newline.
    '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(committerdate:unix)%00%(parent)%00%(if:equals=tag)%(objecttype)%(then)%(contents:subject)%(end)%00%(if:equals=commit)%(objecttype)%(then)%(contents)%(end)%00',
    'refs/litecode/',
    `refs/heads/${agentBranchPrefix}`,
  ];
  try {
    return (await runGit({ args, cwd: repository.topLevel })).stdout;
  } catch (error) {
    if (!(error instanceof GitCommandError) || !/missing object/i.test(error.stderr)) throw error;
    await dropRefsToMissingObjects(repository);
    return (await runGit({ args, cwd: repository.topLevel })).stdout;
  }
}

async function dropRefsToMissingObjects(repository: Repository): Promise<void> {
  const { stdout } = await runGit({ args: ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/litecode/'], cwd: repository.topLevel });
  const refs = stdout.split('\n').filter(Boolean).map((line) => ({ sha: line.slice(0, line.indexOf(' ')), ref: line.slice(line.indexOf(' ') + 1) }));
  const missing = new Set(await missingObjects(repository, refs.map((ref) => ref.sha)));
  const lines = refs.filter((ref) => missing.has(ref.sha)).map((ref) => `delete ${ref.ref}`);
  if (lines.length > 0) await dropIndexRefs(repository, lines, 'drop refs to missing objects');
}

async function missingObjects(repository: Repository, shas: readonly string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const { stdout } = await runGit({ args: ['cat-file', '--batch-check=%(objectname) %(objecttype)'], cwd: repository.topLevel, input: `${shas.join('\n')}\n` });
  return stdout
    .split('\n')
    .filter((line) => line.endsWith(' missing'))
    .map((line) => line.slice(0, line.indexOf(' ')));
}

async function existingCommits(repository: Repository, shas: readonly string[]): Promise<string[]> {
  const missing = new Set(await missingObjects(repository, shas));
  return shas.filter((sha) => !missing.has(sha));
}

/** Newest first by committer date; among equal dates (one second), a child before its parent. */
export function orderNewestFirst<T extends { sha: string; parents: string[]; date: number }>(commits: T[]): T[] {
  const byDate = [...commits].sort((a, b) => b.date - a.date);
  const ordered: T[] = [];
  for (let start = 0; start < byDate.length; ) {
    let end = start;
    while (end < byDate.length && byDate[end]!.date === byDate[start]!.date) end++;
    const group = byDate.slice(start, end);
    while (group.length > 0) {
      const parentsInGroup = new Set(group.flatMap((commit) => commit.parents));
      const index = Math.max(0, group.findIndex((commit) => !parentsInGroup.has(commit.sha)));
      ordered.push(group.splice(index, 1)[0]!);
    }
    start = end;
  }
  return ordered;
}

interface Marker {
  /** HEAD tips (and hand-made agent branch tips) whose history was scanned. */
  boundary: string[];
  /** How many commits the index held when the marker was written: a floor, as runs only add. */
  count: number;
}

/** The marker of a read of the refs, from the tag message for-each-ref printed; any other object is unreadable, and the index is rebuilt. */
function markerOf(state: { marker: string | undefined; markerText: string | undefined }): Marker | undefined {
  if (state.marker === undefined || state.markerText === undefined) return undefined;
  return parseMarkerTag(state.markerText);
}

function parseMarkerTag(text: string): Marker | undefined {
  if (!text.startsWith(`${markerTagHeader} `)) return undefined; // another format: rebuild
  const [countWord, count, ...tips] = text.slice(markerTagHeader.length + 1).split(' ').filter(Boolean);
  if (countWord !== 'count' || count === undefined || !/^\d+$/.test(count)) return undefined;
  return { boundary: tips.filter(isFullObjectId), count: Number(count) };
}

/** Writes a marker: a tag (whose message for-each-ref prints) on a blob with the same text (which keeps no commit alive). */
async function writeMarker(repository: Repository, marker: Marker): Promise<string> {
  const text = `${markerTagHeader} count ${marker.count}${marker.boundary.map((tip) => ` ${tip}`).join('')}`;
  const blob = await writeBlob(repository, `${text}\n`);
  const tag = `object ${blob}\ntype blob\ntag litecode-index\ntagger git-litecode <git-litecode> 0 +0000\n\n${text}\n`;
  const { stdout } = await runGit({ args: ['mktag'], cwd: repository.topLevel, input: tag });
  return stdout.trim();
}

/** Deletes index refs and lowers the marker's count to match, in one transaction (best effort: a lost race only means one rebuild later). */
async function dropIndexRefs(repository: Repository, deletions: string[], reason: string): Promise<void> {
  const current = await readMarkerRef(repository);
  const marker = markerOf(current);
  const markerUpdate = marker ? [`update ${indexMarkerRef} ${await writeMarker(repository, { ...marker, count: Math.max(0, marker.count - deletions.length) })} ${current.marker}`] : [];
  try {
    await transaction(repository, [...deletions, ...markerUpdate], reason);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
  }
}

async function readMarkerRef(repository: Repository): Promise<{ marker: string | undefined; markerText: string | undefined }> {
  const { stdout } = await runGit({
    args: ['for-each-ref', '--format=%(objectname)%00%(objecttype)%00%(if:equals=tag)%(objecttype)%(then)%(contents:subject)%(end)', indexMarkerRef],
    cwd: repository.topLevel,
  });
  const [id = '', type = '', subject = ''] = stdout.replace(/\n$/, '').split('\0');
  if (type !== 'blob' && type !== 'tag') return { marker: undefined, markerText: undefined };
  return { marker: id, markerText: type === 'tag' ? subject : undefined };
}

/**
 * Walks `tips --not negatives` for agent commits, indexes the new ones, drops indexed commits
 * they rewrote, and moves the marker (compare-and-swap) to the new boundary: all in one transaction.
 */
async function scanAndRecord(
  repository: Repository,
  state: RefState,
  walk: { tips: string[]; negatives: string[]; boundary: string[]; moveMarker?: boolean },
  alreadyWalked?: ParsedAgentCommit[],
): Promise<{ found: ParsedAgentCommit[]; saved: boolean }> {
  const tips = [...new Set(walk.tips.filter(Boolean))];
  const found = alreadyWalked ?? (await walkAgentCommits(repository, tips, walk.negatives));
  const indexed = new Set(state.commits.map((commit) => commit.sha));
  const added = found.filter((commit) => !indexed.has(commit.sha));
  const superseded = await supersededBy(repository, state, added);
  const lines = [...added.map((commit) => recordCommitLine(commit.sha)), ...superseded.map((sha) => `delete ${indexedCommitRef(sha)} ${sha}`)];
  try {
    if (walk.moveMarker ?? true) {
      const foundShas = new Set(found.map((commit) => commit.sha));
      // HEAD tips, and tips of agent branches that are not agent commits (someone committed on them by hand).
      const scannedTips = tips.filter((tip) => tip === state.head || !foundShas.has(tip));
      const boundary = [...new Set([...scannedTips, ...walk.boundary])].slice(0, boundaryLimit);
      const blob = await writeMarker(repository, { boundary, count: state.commits.length + added.length - superseded.length });
      lines.push(`update ${indexMarkerRef} ${blob} ${state.marker ?? zeroId(blob)}`);
    }
    if (lines.length > 0) await transaction(repository, lines, 'index agent commits');
    return { found, saved: true };
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    // Another run moved the marker first: it scanned too, and the caller reads the refs again.
    // Anything else (a read-only repository, a lock held): the caller answers from memory.
    return { found, saved: /but expected|already exists/i.test(error.stderr) };
  }
}

async function walkAgentCommits(repository: Repository, tips: string[], negatives: string[]): Promise<ParsedAgentCommit[]> {
  if (tips.length === 0) return [];
  const { stdout } = await runGit({
    args: [
      'log',
      '-z',
      `--format=%H${fieldSeparator}%P${fieldSeparator}%ct${fieldSeparator}%B`,
      ...agentCommitGrep,
      ...tips,
      ...(negatives.length > 0 ? ['--not', ...negatives] : []),
      '--',
    ],
    cwd: repository.topLevel,
  });
  const commits: ParsedAgentCommit[] = [];
  for (const record of stdout.split('\0')) {
    const fields = record.replace(/^\n/, '').split(fieldSeparator);
    if (fields.length < 4) continue;
    const [sha = '', parents = '', date = '0'] = fields;
    const metadata = parseAgentCommitMessage(fields.slice(3).join(fieldSeparator));
    if (metadata) commits.push({ sha, parents: parents.split(' ').filter(Boolean), date: new Date(Number(date) * 1000), metadata });
  }
  return commits;
}

/**
 * Indexed commits that a newly found one replaces: the same agent trailers (an amend, a rebase,
 * or apply's re-commit keep them) on a commit that no local branch contains any more. Only
 * read when a walk found commits that were not indexed, which is rare.
 */
async function supersededBy(repository: Repository, state: RefState, added: ParsedAgentCommit[]): Promise<string[]> {
  if (added.length === 0 || state.commits.length === 0) return [];
  const keys = new Set(added.map((commit) => identityKey(commit.metadata)));
  const addedShas = new Set(added.map((commit) => commit.sha));
  const existing = await readIndexedCommits(repository, state.commits.map((commit) => commit.sha));
  const candidates = existing.filter((commit) => !addedShas.has(commit.sha) && keys.has(identityKey(commit.metadata)));
  const superseded: string[] = [];
  for (const candidate of candidates) {
    const { stdout } = await runGit({ args: ['for-each-ref', '--count=1', '--format=%(refname)', `--contains=${candidate.sha}`, 'refs/heads/'], cwd: repository.topLevel });
    if (stdout.trim() === '') superseded.push(candidate.sha);
  }
  return superseded;
}

/** What stays the same when a commit is rewritten with its message kept. */
function identityKey(metadata: AgentCommitMetadata): string {
  const { kind, request, synthesis, files, runId, undoes, missing } = metadata;
  return JSON.stringify([kind, request, synthesis, files, runId ?? null, undoes ?? null, missing ?? null]);
}

async function writeBlob(repository: Repository, content: string): Promise<string> {
  const { stdout } = await runGit({ args: ['hash-object', '-w', '--stdin'], cwd: repository.topLevel, input: content });
  return stdout.trim();
}

function zeroId(like: string): string {
  return '0'.repeat(like.length);
}

/** One `git update-ref --stdin` transaction: every line applies, or none does. */
async function transaction(repository: Repository, lines: string[], reason: string): Promise<void> {
  await runGit({ args: ['update-ref', '-m', `litecode: ${reason}`, '--stdin'], cwd: repository.topLevel, input: `${lines.join('\n')}\n` });
}

/**
 * Commits made within one second (committer dates have whole seconds) in true order: a commit
 * before its ancestors, asked of git (`merge-base --independent`, a walk bounded by that second)
 * rather than guessed from direct parents, which miss a user's commit in between. Only the
 * groups among the first `within` commits are settled: that is all a caller reads.
 */
export async function settleSameSecondOrder<T extends { sha: string; date: number; parents?: string[] }>(
  repository: Repository,
  commits: readonly T[],
  within: number,
): Promise<T[]> {
  const result = [...commits];
  for (let start = 0; start < Math.min(within, result.length); ) {
    let end = start;
    while (end < result.length && result[end]!.date === result[start]!.date) end++;
    if (end - start > 1) {
      let remaining = result.slice(start, end);
      const ordered: T[] = [];
      const known = knownAncestry(remaining);
      while (remaining.length > 1) {
        const tips = known ? independentOf(remaining, known) : await independentByGit(repository, remaining);
        const newest = remaining.filter((commit) => tips.has(commit.sha));
        if (newest.length === 0 || newest.length === remaining.length) break;
        ordered.push(...newest);
        remaining = remaining.filter((commit) => !tips.has(commit.sha));
      }
      result.splice(start, end - start, ...ordered, ...remaining);
    }
    start = end;
  }
  return result;
}

async function independentByGit(repository: Repository, commits: readonly { sha: string }[]): Promise<Set<string>> {
  const { stdout } = await runGit({ args: ['merge-base', '--independent', ...commits.map((commit) => commit.sha)], cwd: repository.topLevel });
  return new Set(stdout.split('\n').filter(Boolean));
}

/** What `merge-base --independent` answers, from a complete ancestry relation: the commits no other one descends from. */
function independentOf(commits: readonly { sha: string }[], ancestors: Map<string, Set<string>>): Set<string> {
  const shas = commits.map((commit) => commit.sha);
  return new Set(shas.filter((sha) => !shas.some((other) => other !== sha && ancestors.get(other)!.has(sha))));
}

/**
 * The ancestry among commits of one second when their listed parents prove all of it, else
 * undefined (git is asked). Proof either way, never a guess: a chain of parents inside the group
 * shows that one descends from another; two commits with the same parents descend from neither
 * (if a were an ancestor of b, it would be an ancestor of one of b's parents, that is of one of
 * its own). The common cases are both: a follow-up on the edit of the same second, and two
 * edits on the same base.
 */
export function knownAncestry(commits: readonly { sha: string; parents?: string[] }[]): Map<string, Set<string>> | undefined {
  if (commits.some((commit) => commit.parents === undefined)) return undefined;
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (sha: string, visiting: Set<string>): Set<string> => {
    const cached = ancestors.get(sha);
    if (cached) return cached;
    const found = new Set<string>();
    visiting.add(sha);
    for (const parent of bySha.get(sha)!.parents!) {
      if (!bySha.has(parent) || visiting.has(parent)) continue;
      found.add(parent);
      for (const above of ancestorsOf(parent, visiting)) found.add(above);
    }
    visiting.delete(sha);
    ancestors.set(sha, found);
    return found;
  };
  for (const commit of commits) ancestorsOf(commit.sha, new Set());
  const sameParents = (a: { parents?: string[] }, b: { parents?: string[] }) => {
    const left = new Set(a.parents);
    const right = new Set(b.parents);
    return left.size === right.size && [...left].every((parent) => right.has(parent));
  };
  for (const a of commits) {
    for (const b of commits) {
      if (a === b || ancestors.get(a.sha)!.has(b.sha) || ancestors.get(b.sha)!.has(a.sha)) continue;
      if (!sameParents(a, b)) return undefined;
    }
  }
  return ancestors;
}
