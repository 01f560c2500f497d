import { RefusalError } from '../errors/litecode-error.js';
import type { BaseCommit } from '../git/base-commit.js';
import { assertFilesNotDirty } from '../git/base-commit.js';
import { formatAgentCommitMessage, type AgentCommitKind, type AgentCommitMetadata } from '../git/commit-message.js';
import { type Identity, requireIdentity } from '../git/identity.js';
import type { Repository } from '../git/repository.js';
import { runGit } from '../git/run-git.js';
import { freeBranchName } from '../git/agent-branch.js';
import { BranchMovedError, commitChanges, type FileChange } from '../git/scratch-commit.js';
import type { CheckedPlan, CheckedTask } from '../guard/plan-check.js';
import { copyBlobIds } from '../guard/wrong-file-check.js';
import type { ModelClient, ModelEvent } from '../model/model-client.js';
import { transcriptPath } from '../model/transcript.js';
import { CheckGateFailedError, runCheckGate } from './check-gate.js';
import { editFile, type FileEditOutcome } from './edit-file.js';
import { mapWithLimit } from './map-with-limit.js';
import { renameSymbol } from './rename-symbol.js';
import type { RepositorySnapshot } from './repository-snapshot.js';
import type { AgentEvent } from './run-request.js';
import { chooseSynthesis, describeTask } from './synthesis.js';

export interface LandedFile {
  path: string;
  action: CheckedTask['action'];
  summary: string;
  checks: string[];
  /** The check the first reply failed before the retry passed. */
  retriedAfter?: string;
}

export interface FailedFile {
  path: string;
  check: string;
  message: string;
}

export interface EditOutcome {
  kind: 'edit';
  branch: string;
  commit: string;
  parent: string;
  stacked: boolean;
  synthesis: string;
  files: LandedFile[];
  missing: FailedFile[];
  mentionsLeft: string[];
  diffstat: string;
  runId: string;
}

interface FileResult {
  change: FileChange;
  landed: LandedFile;
  /** The new text of a model-edited file, for a repair attempt. */
  text?: string;
}

/**
 * The edit path: one model call per file (plus one retry), renames and deletes in code,
 * every output through the guard, then one commit on the agent branch. All or nothing
 * unless --keep-partial.
 */
export async function runEdit(input: {
  repository: Repository;
  /** The author identity as the request already knows it (from its config read, or one `git var`). */
  identity?: Identity;
  request: string;
  plan: CheckedPlan;
  base: BaseCommit;
  branch: { branch: string; parent: string; expectedOldValue: string | null; stacked: boolean };
  commitKind: Exclude<AgentCommitKind, 'undo'>;
  snapshot: RepositorySnapshot;
  client: ModelClient;
  runId: string;
  keepPartial: boolean;
  check: string | undefined;
  onEvent?: (event: ModelEvent | AgentEvent) => void;
}): Promise<EditOutcome> {
  const { repository, plan, snapshot, client } = input;
  const identity = input.identity ?? (await requireIdentity(repository));
  const tasks = plan.tasks.filter((task) => task.action !== 'read');
  if (tasks.length === 0) throw new RefusalError('the model planned no change', 'say which file and function to change');
  await assertFilesNotDirty(repository, tasks.map((task) => task.file), input.base);
  const synthesis = chooseSynthesis(plan.synthesis, tasks);

  // Renames and deletes are done in code, once; model edits may be redone by the repair attempt.
  const codeResults: FileResult[] = [];
  const mentionsLeft: string[] = [];

  for (const task of tasks.filter((entry) => entry.action === 'rename')) {
    const renamed = await renameSymbol({ repository, commit: snapshot.commit, task, readText: (path) => snapshot.readText(path) });
    await assertFilesNotDirty(repository, renamed.files.map((file) => file.path), input.base);
    mentionsLeft.push(...renamed.mentionsLeft);
    for (const file of renamed.files) {
      codeResults.push({
        change: writeChange(snapshot, file.path, file.content),
        landed: {
          path: file.path,
          action: 'rename',
          summary: `renamed ${task.symbols[0]} to ${task.newName} (${file.occurrences} ${file.occurrences === 1 ? 'place' : 'places'})`,
          checks: ['rename-in-code', 'syntax'],
        },
      });
    }
  }
  for (const task of tasks.filter((entry) => entry.action === 'delete')) {
    codeResults.push({ change: { kind: 'delete', path: task.file }, landed: { path: task.file, action: 'delete', summary: 'deleted', checks: [] } });
  }

  const edits = tasks.filter((task) => task.action === 'modify' || task.action === 'create');
  const planTexts = await planFileTexts(snapshot, plan);
  // A reply's blob id is hashed, never every file's: the tree is looked at only when git has that blob.
  const trackedCopies = (content: string) => snapshot.trackedCopiesOf(copyBlobIds(content, snapshot.objectFormat));
  // All or nothing: once one file has failed its retry the request is refused, so the files
  // not yet sent are not sent at all.
  const stopOnFailure = input.keepPartial
    ? undefined
    : {
        stopWhen: (outcome: FileEditOutcome) => !outcome.ok,
        skipped: (task: CheckedTask): FileEditOutcome => ({
          ok: false,
          path: task.file,
          check: 'not-attempted',
          message: 'not sent to the model, since another file already failed',
          mode: 'whole-file',
          attempts: 0,
        }),
      };
  const editAll = async (repair?: { previous: Map<string, string>; feedback: string }) => {
    const outcomes = await mapWithLimit(edits, client.parallelism, async (task): Promise<FileEditOutcome> => {
      input.onEvent?.({ type: 'file-start', path: task.file, action: task.action });
      const original = repair?.previous.get(task.file) ?? (task.action === 'create' ? undefined : await snapshot.readText(task.file));
      const outcome = await editFile({
        task: repair ? { ...task, instruction: `${task.instruction} ${repair.feedback}` } : task,
        synthesis,
        original,
        context: await contextSignatures(snapshot, plan, task, original ?? ''),
        otherFiles: [...planTexts, ...(await neighbourTexts(snapshot, task.file, planTexts))].filter((file) => file.path !== task.file),
        trackedCopies,
        otherInstructions: edits.filter((other) => other.file !== task.file).map((other) => other.instruction),
        client,
      });
      input.onEvent?.({ type: 'file-done', path: task.file, ok: outcome.ok, detail: outcome.ok ? outcome.mode : outcome.check });
      return outcome;
    }, stopOnFailure);
    return collectEdits(snapshot, edits, outcomes, input.keepPartial, repository);
  };

  let edited = await editAll();
  let target = input.branch;
  const commitEdited = () =>
    commitChanges(repository, {
      parent: target.parent,
      changes: [...codeResults, ...edited.results].map((result) => result.change),
      message: formatAgentCommitMessage(commitMetadata(input, synthesis, [...codeResults, ...edited.results], edited.failures)),
      branch: target.branch,
      expectedOldValue: target.expectedOldValue,
      identity,
      beforeRefUpdate: input.check ? (newCommit) => runCheckGate(repository, newCommit, input.check!) : undefined,
    });
  /** A run at the same moment may take the new branch's name first: take the next free one. */
  const commitOnFreeBranch = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await commitEdited();
      } catch (error) {
        if (!(error instanceof BranchMovedError) || target.expectedOldValue !== null || attempt >= 5) throw error;
        target = { ...target, branch: await freeBranchName(repository, input.branch.branch) };
      }
    }
  };
  let commit: string;
  try {
    ({ commit } = await commitOnFreeBranch());
  } catch (error) {
    if (!(error instanceof CheckGateFailedError) || edits.length === 0) throw error;
    // One repair attempt: the model sees the command's output and its own previous files.
    const previous = new Map(edited.results.flatMap((result) => (result.text === undefined ? [] : [[result.landed.path, result.text] as const])));
    edited = await editAll({ previous, feedback: `The check \`${input.check}\` failed on your previous change with: ${error.outputTail} Fix that.` });
    ({ commit } = await commitOnFreeBranch());
  }
  const landed = [...codeResults, ...edited.results];
  const failures = edited.failures;
  const { stdout: diffstat } = await runGit({ args: ['diff', '--stat', '--no-color', input.branch.parent, commit, '--'], cwd: repository.topLevel });
  return {
    kind: 'edit',
    branch: target.branch,
    commit,
    parent: input.branch.parent,
    stacked: input.branch.stacked,
    synthesis,
    files: landed.map((result) => result.landed),
    missing: failures,
    mentionsLeft,
    diffstat: diffstat.trimEnd(),
    runId: input.runId,
  };
}

/** Model edits into changes; failures refuse the whole request unless --keep-partial. */
function collectEdits(
  snapshot: RepositorySnapshot,
  edits: readonly CheckedTask[],
  outcomes: readonly FileEditOutcome[],
  keepPartial: boolean,
  repository: Repository,
): { results: FileResult[]; failures: FailedFile[] } {
  const results: FileResult[] = [];
  const failures: FailedFile[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const task = edits[index]!;
    if (outcome.ok) {
      results.push({
        change: writeChange(snapshot, task.file, outcome.content),
        landed: { path: task.file, action: task.action, summary: describeTask(task), checks: outcome.checks, retriedAfter: outcome.rejectedFirst?.check },
        text: outcome.content,
      });
    } else {
      failures.push({ path: outcome.path, check: outcome.check, message: outcome.message });
    }
  }
  if (failures.length > 0 && (!keepPartial || results.length === 0)) {
    const attempted = failures.filter((failure) => failure.check !== 'not-attempted');
    const notSent = failures.length - attempted.length;
    const list =
      attempted.map((failure) => `${failure.path} (${failure.check}: ${failure.message})`).join('; ') +
      (notSent > 0 ? `; ${notSent} other ${notSent === 1 ? 'file was' : 'files were'} not attempted` : '');
    throw new RefusalError(
      `refused, nothing was committed: ${list}`,
      `the model calls are in ${transcriptPath(repository)}; rephrase the request, or use --keep-partial to land the files that passed`,
      undefined,
      failures.map((failure) => ({ file: failure.path, check: failure.check, message: failure.message })),
    );
  }
  return { results, failures };
}

function commitMetadata(
  input: { request: string; commitKind: Exclude<AgentCommitKind, 'undo'>; client: ModelClient; runId: string },
  synthesis: string,
  results: readonly FileResult[],
  failures: readonly FailedFile[],
): AgentCommitMetadata {
  return {
    kind: input.commitKind,
    request: input.request,
    synthesis,
    provider: input.client.provider,
    model: input.client.model,
    files: results.map((result) => ({ path: result.landed.path, summary: result.landed.summary })),
    checks: [...new Set(results.flatMap((result) => result.landed.checks))],
    runId: input.runId,
    missing: failures.length ? failures.map((failure) => `${failure.path} (${failure.check})`) : undefined,
  };
}

function writeChange(snapshot: RepositorySnapshot, path: string, content: string): FileChange {
  const mode = snapshot.files.get(path)?.mode;
  return { kind: 'write', path, content: Buffer.from(content, 'utf8'), executable: mode === '100755' };
}

/** Texts of the plan's existing files: what a wrong-file reply would most likely copy. */
async function planFileTexts(snapshot: RepositorySnapshot, plan: CheckedPlan): Promise<{ path: string; content: string }[]> {
  const existing = plan.tasks.filter((task) => task.action !== 'create' && snapshot.files.has(task.file));
  return Promise.all(existing.map(async (task) => ({ path: task.file, content: await snapshot.readText(task.file) })));
}

/** How many files beside the target are compared with a reply, and the largest of them read. */
const neighbourLimit = 8;
const neighbourMaxBytes = 256 * 1024;

/**
 * Files in the target's directory with its extension: what a reply meant for another file most
 * likely holds (a create that repeats its neighbour). Found in the tree by directory, not by a
 * walk over every file, and asked about git's ignore rules a few at a time: a request costs what it touches.
 */
async function neighbourTexts(snapshot: RepositorySnapshot, target: string, already: readonly { path: string }[]): Promise<{ path: string; content: string }[]> {
  const slash = target.lastIndexOf('/');
  const directory = slash < 0 ? '' : target.slice(0, slash);
  const extension = /\.[^./]+$/.exec(target)?.[0] ?? '';
  const candidates: string[] = [];
  let pending: string[] = [];
  const takeUnignored = async () => {
    const ignored = await snapshot.ignoredAmong(pending);
    for (const path of pending) if (!ignored.has(path) && candidates.length < neighbourLimit) candidates.push(path);
    pending = [];
  };
  for (const index of snapshot.files.filesIn(directory)) {
    const path = snapshot.files.pathAt(index);
    if (path === target || !path.endsWith(extension) || already.some((other) => other.path === path)) continue;
    pending.push(path);
    if (candidates.length + pending.length >= neighbourLimit) await takeUnignored();
    if (candidates.length >= neighbourLimit) break;
  }
  if (pending.length > 0) await takeUnignored();
  const texts = await Promise.all(
    candidates.map(async (path) => {
      try {
        const bytes = await snapshot.readBytes(path);
        if (bytes.length > neighbourMaxBytes || bytes.includes(0)) return undefined;
        return { path, content: bytes.toString('utf8') };
      } catch {
        return undefined;
      }
    }),
  );
  return texts.filter((text) => text !== undefined);
}

/** Signatures of symbols from the plan's other files that the target refers to. */
async function contextSignatures(snapshot: RepositorySnapshot, plan: CheckedPlan, target: CheckedTask, targetText: string): Promise<string> {
  const lines: string[] = [];
  for (const task of plan.tasks) {
    if (task.file === target.file || task.action === 'create' || !snapshot.files.has(task.file)) continue;
    const symbols = await snapshot.symbolsOf(task.file);
    for (const symbol of symbols) {
      const referenced = targetText.includes(symbol.name) || target.instruction.includes(symbol.name) || task.symbols.includes(symbol.name);
      if (referenced) lines.push(`${task.file}: ${symbol.signature}`);
    }
  }
  return lines.slice(0, 40).join('\n');
}
