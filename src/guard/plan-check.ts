import { nearestNames } from '../text/edit-distance.js';
import { basename } from 'node:path';
import type { Plan, PlanTask } from '../agent/plan-schema.js';
import { RefusalError } from '../errors/litecode-error.js';
import { decodeUtf8Strictly, looksBinary } from '../syntax/file-content.js';
import { supportsIdentifierRename } from '../syntax/identifier-rename.js';
import { languageForPath } from '../syntax/languages.js';
import { findSymbol, type CodeSymbol } from '../syntax/outline.js';
import { generatedFileFor } from '../syntax/kinds/generated-files.js';
import { normaliseRepositoryPath } from './repository-path.js';
import { checkKindSymbols, namesKindParts } from './kind-symbols.js';
import { fileTokens } from './request-file-tokens.js';
import { looksLikeQuestion } from './request-kind.js';

export interface TrackedEntry {
  objectId: string;
  kind: 'file' | 'symlink' | 'submodule';
}

/** A tree that finds files by name without being walked by the caller (the agent's TrackedTree). */
export interface TrackedFileLookup {
  get(path: string): TrackedEntry | undefined;
  /** Paths of the regular files whose last segment is `name`. */
  filesNamed(name: string): string[];
}

export interface PlanContext {
  request: string;
  /** Every entry of the base commit's tree, by repository-relative path. */
  trackedFiles: ReadonlyMap<string, TrackedEntry> | TrackedFileLookup;
  readFile: (path: string) => Promise<Buffer>;
  symbolsOf: (path: string) => Promise<CodeSymbol[]>;
  repositoryRoot: string;
  /** Paths git ignores, as the request or plan might name them. */
  ignoredPaths: Set<string>;
  /** Asks git's ignore rules about the plan's paths, when `ignoredPaths` does not list every ignored file. */
  ignoredAmong?: (paths: readonly string[]) => Promise<Set<string>>;
}

export type CheckedAction = PlanTask['action'];

export interface CheckedTask {
  file: string;
  action: CheckedAction;
  symbols: string[];
  newName?: string;
  instruction: string;
}

export interface CheckedPlan {
  kind: 'edit' | 'question' | 'undo';
  synthesis: string;
  tasks: CheckedTask[];
}

/** Files larger than this are never edited: a small model cannot see them whole, and a diff of them is unreviewable. */
export const maxEditableBytes = 1024 * 1024;

const writeActions: ReadonlySet<CheckedAction> = new Set(['modify', 'create', 'delete', 'rename']);

/**
 * Checks a plan against the repository before any edit, in code: the model is never trusted.
 * Returns the plan with clean paths, merged duplicate tasks and a decided kind; throws a
 * RefusalError naming the file or symbol at the first mismatch.
 */
export async function checkPlan(plan: Plan, context: PlanContext): Promise<CheckedPlan> {
  const kind = decideKind(plan, context.request);
  const synthesis = plan.synthesis.trim();
  const normalised = plan.tasks.map((task) => normaliseTask(task, kind, synthesis || context.request));
  if (kind === 'undo') return { kind, synthesis, tasks: normalised };
  const tasks = mergeTasksPerFile(kind === 'question' ? withoutUnnamedGeneratedFiles(asReads(normalised), context.request) : normalised);
  if (kind === 'edit' && !tasks.some((task) => writeActions.has(task.action))) {
    throw new RefusalError(
      'the model planned no change',
      'say which file and function to change, for example: git litecode "add retry to fetchUser in src/api.js"',
    );
  }
  const checkedContext = context.ignoredAmong
    ? { ...context, ignoredPaths: new Set([...context.ignoredPaths, ...(await context.ignoredAmong(tasks.map((task) => task.file)))]) }
    : context;
  for (const task of tasks) await checkTask(task, checkedContext);
  checkNamedFilesArePlanned(tasks, checkedContext);
  return { kind, synthesis, tasks };
}

/** An explicit kind wins, except that a plain question is never edited: the seed's "how many lines" case. */
function decideKind(plan: Plan, request: string): CheckedPlan['kind'] {
  if (plan.kind === 'undo' || plan.kind === 'question') return plan.kind;
  if (looksLikeQuestion(request)) return 'question';
  if (plan.kind === 'edit') return 'edit';
  return plan.tasks.some((task) => writeActions.has(task.action)) ? 'edit' : 'question';
}

function normaliseTask(task: PlanTask, kind: CheckedPlan['kind'], fallbackInstruction: string): CheckedTask {
  const symbols = [...new Set(task.symbols.map((symbol) => symbol.trim().replace(/\(\s*\)$/, '')).filter(Boolean))];
  const checked: CheckedTask = {
    file: normaliseRepositoryPath(task.file),
    action: task.action,
    symbols,
    instruction: task.instruction.trim() || fallbackInstruction,
  };
  if (task.action === 'rename' && kind !== 'question' && task.new_name !== undefined) checked.newName = task.new_name.trim();
  return checked;
}

/** A question only reads: any write the model planned becomes a read, and files it meant to create do not exist to read. */
function asReads(tasks: CheckedTask[]): CheckedTask[] {
  return tasks.filter((task) => task.action !== 'create').map(({ newName: _unused, ...task }) => ({ ...task, action: 'read' as const }));
}

/**
 * One task per file and action: symbols unioned, instructions joined. A read is dropped when the
 * same file is written; renames stay one per symbol, since each is its own code operation.
 */
function mergeTasksPerFile(tasks: CheckedTask[]): CheckedTask[] {
  const byFile = new Map<string, CheckedTask[]>();
  for (const task of tasks) byFile.set(task.file, [...(byFile.get(task.file) ?? []), task]);
  const merged: CheckedTask[] = [];
  for (const [file, group] of byFile) {
    const actions = new Set(group.map((task) => task.action));
    if (actions.has('delete') && [...actions].some((action) => action !== 'delete' && action !== 'read')) {
      throw new RefusalError(`the plan both deletes ${file} and changes it`, 'ask for one or the other');
    }
    if (actions.has('create') && actions.has('rename')) {
      throw new RefusalError(`the plan both creates ${file} and renames a symbol in it`, 'ask for the new file first, then for the rename');
    }
    const writes = group.filter((task) => task.action !== 'read');
    const kept = writes.length ? writes : group;
    const renames: CheckedTask[] = [];
    let combined: CheckedTask | undefined;
    for (const task of kept) {
      if (task.action === 'rename') {
        if (!renames.some((other) => other.symbols.join() === task.symbols.join() && other.newName === task.newName)) renames.push(task);
        continue;
      }
      if (!combined) {
        combined = { ...task, symbols: [...task.symbols] };
        continue;
      }
      if (task.action === 'create') combined.action = 'create';
      for (const symbol of task.symbols) if (!combined.symbols.includes(symbol)) combined.symbols.push(symbol);
      if (!combined.instruction.includes(task.instruction)) combined.instruction = `${combined.instruction} ${task.instruction}`;
    }
    merged.push(...renames, ...(combined ? [combined] : []));
  }
  return merged;
}

async function checkTask(task: CheckedTask, context: PlanContext): Promise<void> {
  const { file } = task;
  checkPathIsPlain(file, context);
  const tracked = context.trackedFiles.get(file);
  // Ignored files (git's rules or .litecodeignore) never reach a prompt, whatever the action.
  if (isIgnored(file, context.ignoredPaths)) {
    throw new RefusalError(`${file} is ignored by git or .litecodeignore, so litecode will not ${task.action} it`, 'remove it from .gitignore / .litecodeignore first, or name another file');
  }
  const generated = generatedFileFor(file);
  if (generated && task.action !== 'read') {
    throw new RefusalError(
      `${file} is generated by ${generated.tool}, so litecode will not ${task.action} it`,
      `change the file it is generated from, then run \`${generated.regenerate}\``,
    );
  }
  if (task.action === 'create') {
    if (tracked) throw new RefusalError(`the plan creates ${file}, which already exists`, `ask to change ${file} instead`);
    return;
  }
  if (!tracked) {
    throw new RefusalError(`the plan names ${file}, which does not exist at the base commit`, suggestionFor(file, context));
  }
  if (task.action === 'delete') return;
  const content = await context.readFile(file);
  if (looksBinary(content)) throw new RefusalError(`${file} is a binary file`, 'litecode only reads and edits text files');
  const edits = task.action === 'modify' || task.action === 'rename';
  if (edits && content.length > maxEditableBytes) {
    throw new RefusalError(
      `${file} is ${(content.length / 1024 / 1024).toFixed(1)} MB; litecode edits files up to 1 MB`,
      'split the file, or make this change by hand',
    );
  }
  if (edits && decodeUtf8Strictly(content) === undefined) {
    throw new RefusalError(`${file} is not valid UTF-8, so litecode will not edit it (it could corrupt the file)`, 'convert it to UTF-8 first, or edit it by hand');
  }
  if (task.symbols.length > 0 && task.action !== 'rename' && namesKindParts(file)) {
    await checkKindSymbols(file, task.symbols, content.toString('utf8'), task.instruction);
    return;
  }
  const symbols = task.symbols.length || task.action === 'rename' ? await context.symbolsOf(file) : [];
  for (const name of task.symbols) {
    if (!findSymbol(symbols, name)) {
      throw new RefusalError(`${name} is not defined in ${file}`, symbolHint(name, file, symbols));
    }
  }
  if (task.action === 'rename') checkRename(task, symbols);
}

/**
 * A question reads a lockfile or other generated file only when the request names it: such files
 * are large and say little, and a planner that adds them on its own wastes the model's context.
 */
function withoutUnnamedGeneratedFiles(tasks: CheckedTask[], request: string): CheckedTask[] {
  const named = new Set(fileTokens(request));
  return tasks.filter((task) => !generatedFileFor(task.file) || named.has(task.file) || named.has(basename(task.file)));
}

/** Symlinks and submodules are refused wherever they appear in the path: an edit through them lands outside the repository's own files. */
function checkPathIsPlain(file: string, context: PlanContext): void {
  const segments = file.split('/');
  for (let length = 1; length <= segments.length; length++) {
    const prefix = segments.slice(0, length).join('/');
    const entry = context.trackedFiles.get(prefix);
    if (!entry) continue;
    if (entry.kind === 'symlink') {
      throw new RefusalError(
        prefix === file ? `${file} is a symbolic link; litecode does not edit through links` : `${file} is under ${prefix}, which is a symbolic link`,
        'name the file the link points to instead',
      );
    }
    if (entry.kind === 'submodule') {
      throw new RefusalError(`${file} is ${prefix === file ? 'a submodule' : `inside the submodule ${prefix}`}`, 'run git litecode inside the submodule itself');
    }
    if (prefix !== file) throw new RefusalError(`the plan names ${file}, but ${prefix} is a file, not a directory`, 'name an existing file or a new path');
  }
}

function checkRename(task: CheckedTask, symbols: CodeSymbol[]): void {
  const [oldName] = task.symbols;
  if (task.symbols.length !== 1 || oldName === undefined) {
    throw new RefusalError(`a rename in ${task.file} must name exactly one symbol, not ${task.symbols.length}`, 'ask for one rename at a time');
  }
  if (!supportsIdentifierRename(task.file)) {
    throw new RefusalError(`cannot rename ${oldName} in ${task.file}: renaming needs a parser for this file type`, 'rename it by hand');
  }
  const newName = task.newName ?? '';
  const identifier = languageForPath(task.file)?.match(/script|tsx|php/) ? /^[\p{L}_$][\p{L}\p{N}_$]*$/u : /^[\p{L}_][\p{L}\p{N}_]*$/u;
  if (!identifier.test(newName)) {
    throw new RefusalError(
      newName ? `cannot rename ${oldName} to ${JSON.stringify(newName)}: not a valid identifier` : `the plan renames ${oldName} in ${task.file} but gives no new name`,
      'say the new name, for example: rename validateToken to verifyToken',
    );
  }
  const oldSymbolName = findSymbol(symbols, oldName)?.name ?? oldName;
  if (newName === oldSymbolName) throw new RefusalError(`the plan renames ${oldName} to itself`, 'say the new name');
  if (symbols.some((symbol) => symbol.name === newName)) {
    throw new RefusalError(`cannot rename ${oldName} to ${newName}: ${task.file} already defines ${newName}`, 'choose another name');
  }
}

/** Files the user named (a token equal to a tracked path, or to a tracked file's name) must be in the plan. */
function checkNamedFilesArePlanned(tasks: CheckedTask[], context: PlanContext): void {
  const tokens = fileTokens(context.request);
  if (tokens.length === 0) return;
  const planned = new Set(tasks.map((task) => task.file));
  // Only the names the request uses are looked up, no index of every file.
  for (const token of tokens) {
    const named = token.includes('/') ? (context.trackedFiles.get(token)?.kind === 'file' ? [token] : []) : filesNamed(context.trackedFiles, token);
    if (named.length === 0) {
      if (isIgnored(token, context.ignoredPaths) || (!token.includes('/') && [...context.ignoredPaths].some((path) => basename(path) === token))) {
        throw new RefusalError(`${token} is ignored by git, so litecode will not touch it`, 'remove it from .gitignore first, or name a tracked file');
      }
      continue;
    }
    if (!named.some((path) => planned.has(path))) {
      throw new RefusalError(`the request names ${token}, but the plan does not include it`, `run the request again, or say what to do in ${named[0]} more precisely`);
    }
  }
}

/** Ignored paths may be files, or directories as `git ls-files --others --ignored --directory` lists them (`dist/`). */
function isIgnored(path: string, ignoredPaths: Set<string>): boolean {
  const segments = path.split('/');
  return segments.some((_, index) => {
    const prefix = segments.slice(0, index + 1).join('/');
    return ignoredPaths.has(prefix) || ignoredPaths.has(`${prefix}/`);
  });
}

function suggestionFor(file: string, context: PlanContext): string {
  const name = basename(file);
  const sameName = filesNamed(context.trackedFiles, name);
  if (sameName.length) return `did you mean ${sameName.slice(0, 3).join(' or ')}?`;
  return 'name a file that is tracked in this repository (git ls-files lists them)';
}

/** Regular files whose last path segment is `name`. */
function filesNamed(trackedFiles: PlanContext['trackedFiles'], name: string): string[] {
  if ('filesNamed' in trackedFiles) return trackedFiles.filesNamed(name);
  const found: string[] = [];
  for (const [path, entry] of trackedFiles) if (entry.kind === 'file' && basename(path) === name) found.push(path);
  return found;
}

function symbolHint(name: string, file: string, symbols: CodeSymbol[]): string {
  if (symbols.length === 0) return `litecode found no functions or classes in ${file}; name the file only`;
  const names = [...new Set(symbols.map((symbol) => (symbol.container ? `${symbol.container}.${symbol.name}` : symbol.name)))];
  const closest = nearestNames(name, names, 5);
  return `${file} defines ${closest.join(', ')}${names.length > closest.length ? ', …' : ''}`;
}

