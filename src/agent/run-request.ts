import { RefusalError, UsageError } from '../errors/litecode-error.js';
import { configuredIdentity } from '../config/identity-config.js';
import { resolveSettings, type Settings } from '../config/settings.js';
import { readAgentHistory } from '../git/agent-history.js';
import { refreshAgentCommitIndex } from '../git/agent-commit-index.js';
import { resolveBase } from '../git/base-commit.js';
import { chooseAgentBranch } from '../git/agent-branch.js';
import { findIgnoredPaths } from '../git/ignored-paths.js';
import { type Identity, requireIdentity } from '../git/identity.js';
import { assertNoOperationInProgress } from '../git/operation-in-progress.js';
import { discoverRepository, type Repository } from '../git/repository.js';
import { pruneScratchLeftovers, revParse } from '../git/scratch-commit.js';
import { undoLastAgentChange, type UndoResult } from '../git/undo.js';
import { checkPlan, type CheckedPlan } from '../guard/plan-check.js';
import { normaliseRepositoryPath } from '../guard/repository-path.js';
import { looksLikeQuestion, validateRequestText } from '../guard/request-kind.js';
import { createModelClient, newRunId, type ModelEvent } from '../model/model-client.js';
import { answerQuestion } from './answer-question.js';
import type { FileFacts } from './file-facts.js';
import { memoryFromHistory, readsAsFollowUp, readsAsUndo } from './memory.js';
import { requestPlan } from './plan-request.js';
import { pathsNamedInRequest } from './request-paths.js';
import { RepositorySnapshot } from './repository-snapshot.js';
import { runEdit, type EditOutcome } from './run-edit.js';

export interface RunRequestOptions {
  cwd: string;
  request: string;
  settingsFlags: Partial<Settings>;
  /** Base the work on a snapshot of the working tree (`git stash create`) instead of HEAD. */
  snapshot: boolean;
  /** Never stack on a pending agent branch. */
  newBranch: boolean;
  keepPartial: boolean;
  onEvent?: (event: ModelEvent | AgentEvent) => void;
  signal?: AbortSignal;
}

export type AgentEvent =
  | { type: 'planned'; plan: CheckedPlan; parseStep: string }
  | { type: 'file-start'; path: string; action: string }
  | { type: 'file-done'; path: string; ok: boolean; detail: string };

export type RunOutcome =
  | { kind: 'question'; answer: string; facts: FileFacts[]; runId: string }
  | { kind: 'undo'; result: UndoResult }
  /** notStackedBecause: a follow-up got a branch of its own, and why (see chooseAgentBranch). */
  | (EditOutcome & { notStackedBecause?: string });

/** `git litecode "<request>"`: classify, plan, then answer, undo or edit. */
export async function runRequest(options: RunRequestOptions): Promise<RunOutcome> {
  const request = options.request.trim();
  validateRequestText(request);
  const repository = await discoverRepository(options.cwd);
  await pruneScratchLeftovers(repository);

  // Before any model call nothing can have moved HEAD: discovery's read of it holds.
  if (readsAsUndo(request)) return { kind: 'undo', result: await undoNewest(repository, request, repository.headAtDiscovery) };

  const { settings } = await resolveSettings({ cwd: options.cwd, flags: options.settingsFlags });
  // An edit needs the user's identity to commit: known once, before spending any model call
  // (from the config just read when it settles it, else from git, which also words the error).
  const identity = looksLikeQuestion(request) ? undefined : (configuredIdentity(options.cwd) ?? (await requireIdentity(repository)));
  // A snapshot reads the working tree, which a merge or rebase in progress leaves half-done.
  if (options.snapshot) await assertNoOperationInProgress(repository);
  // Nothing since discovery can have moved HEAD: its commit from discovery is the base, and the
  // HEAD the history is read against. (After the model calls it may have moved: see below.)
  const head = repository.headAtDiscovery;
  const base = await resolveBase(repository, { snapshot: options.snapshot, head });
  // Questions and refused edits change no ref, not even the agent-commit index (refs/litecode/*).
  const read = await readAgentHistory(repository, { limit: 10, readOnly: true, head });
  const history = read.commits;
  // A question is about the user's code, never an unapplied agent branch, even if it says "now".
  const followUp = !options.newBranch && readsAsFollowUp(request) && !looksLikeQuestion(request);
  const branch = await chooseAgentBranch(repository, {
    request,
    base,
    forceNew: options.newBranch,
    followUp,
    takenBranches: new Set(read.branches.map((agentBranch) => agentBranch.branch)),
    knownAgentCommits: read.agentCommits,
    pendingBranches: read.pendingBranches,
  });
  const snapshot = await RepositorySnapshot.load(repository, branch.parent);
  await refuseIgnoredOrMissingNamedFiles(repository, request, snapshot);

  const runId = newRunId();
  const client = await createModelClient({ settings, repository, runId, onEvent: options.onEvent, signal: options.signal });
  const memory = memoryFromHistory(history);
  const planResult = await requestPlan({ request, memory, files: snapshot, client });
  const plan = planResult.reply.value;
  const kind = looksLikeQuestion(request) ? 'question' : (plan.kind ?? 'edit');
  const ignoredCreates = await findIgnoredPaths(repository, pathsToCreate(plan.tasks));
  const checked = await checkPlan({ ...plan, kind }, snapshot.planContext(request, ignoredCreates));
  options.onEvent?.({ type: 'planned', plan: checked, parseStep: planResult.reply.parseStep });

  // After the plan call the user may have committed: HEAD is read anew.
  if (checked.kind === 'undo') return { kind: 'undo', result: await undoNewest(repository, request, undefined, identity) };
  if (checked.kind === 'question') {
    const files = await Promise.all(
      checked.tasks.map(async (task) => ({ path: task.file, text: await snapshot.readText(task.file), symbols: task.symbols })),
    );
    const { answer, facts } = await answerQuestion({ request, files, repoMap: planResult.repoMap, client });
    return { kind: 'question', answer, facts, runId };
  }
  const edited = await runEdit({
    repository,
    identity,
    request,
    plan: checked,
    base,
    branch,
    commitKind: branch.stacked ? 'followup' : 'edit',
    snapshot,
    client,
    runId,
    keepPartial: options.keepPartial,
    check: settings.check,
    onEvent: options.onEvent,
  });
  // The edit landed, so refs may change now: save what the read-only history read found. A fresh
  // index stays fresh (the commit was indexed with its branch): nothing to save. A stale one is
  // read again with HEAD asked anew, since the user may have committed during the model calls.
  if (!read.indexFresh) await refreshAgentCommitIndex(repository);
  return branch.notStackedBecause ? { ...edited, notStackedBecause: branch.notStackedBecause } : edited;
}

/**
 * Undo is mechanical and only ever takes back the newest agent change (`head`: HEAD's commit
 * when the caller knows nothing moved it since discovery, else read anew); a request that names a
 * file that change did not touch ("revert what you did to auth.js") is refused, not guessed at.
 */
async function undoNewest(repository: Repository, request: string, knownHead: string | undefined, knownIdentity?: Identity): Promise<UndoResult> {
  const named = pathsNamedInRequest(request);
  const head = knownHead ?? (await revParse(repository, 'HEAD^{commit}'));
  const read = await readAgentHistory(repository, { limit: 1, includeUndone: false, readOnly: true, head });
  const [newest] = read.commits;
  if (newest && named.length > 0) {
    const touched = newest.metadata.files.map((file) => file.path);
    const touches = named.some((name) => touched.some((path) => path === name || path.endsWith(`/${name}`)));
    if (!touches) {
      throw new RefusalError(
        `the newest agent change (${newest.sha.slice(0, 7)}: ${newest.metadata.synthesis}) did not touch ${named.join(', ')}`,
        'only the newest agent change can be undone: undo it first, or see git litecode log',
      );
    }
  }
  const identity = knownIdentity ?? (await requireIdentity(repository));
  // The newest change just read is the one undone: the undo does not read the history again.
  return undoLastAgentChange(repository, {
    identity,
    newest: {
      commit: newest ?? null,
      head,
      branchTips: new Map(read.branches.map((agentBranch) => [agentBranch.branch, agentBranch.tip])),
      agentCommits: read.agentCommits,
    },
  });
}

/** The new files a plan would create, normalised; a path that does not normalise is left to checkPlan to refuse. */
function pathsToCreate(tasks: readonly { file: string; action: string }[]): string[] {
  return tasks.flatMap((task) => {
    if (task.action !== 'create') return [];
    try {
      return [normaliseRepositoryPath(task.file)];
    } catch {
      return [];
    }
  });
}

/**
 * A file named in the request that git ignores is never read or sent; one that does not exist
 * is an error unless the request is about creating it.
 */
async function refuseIgnoredOrMissingNamedFiles(repository: Repository, request: string, snapshot: RepositorySnapshot) {
  const named = pathsNamedInRequest(request);
  if (named.length === 0) return;
  const untracked = named.filter((path) => !snapshot.resolveNamedPath(path));
  if (untracked.length === 0) return;
  const ignored = await findIgnoredPaths(repository, untracked);
  for (const path of untracked) {
    if (ignored.has(path)) {
      throw new RefusalError(`${path} is ignored by git, so git litecode will not read or send it`, 'name a tracked file, or remove it from .gitignore / .litecodeignore');
    }
  }
  const creates = /\b(create|add|new|write|make|generate)\b/i.test(request);
  const missing = untracked.filter((path) => !ignored.has(path));
  if (!creates && missing.length > 0) {
    throw new UsageError(`${missing[0]} does not exist at the base commit`, 'check the path with git ls-files, or ask to create it');
  }
}
