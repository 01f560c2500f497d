import { commentsOf } from '../syntax/kinds/comments.js';
import { readDataTree, sameData, type DataNode, type KeyedDialect } from '../syntax/kinds/data-tree.js';
import { joinKeyPath, resolveKeyPath, splitKeyPath } from '../syntax/kinds/key-path.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import type { ProposedFile } from './proposed-file.js';
import { joinNames } from './join-names.js';

type Path = string[];

interface ScopeFinding {
  changed: { path: string; before: string; after: string }[];
  removed: string[];
  reordered: string[];
}

/**
 * Scope for a data file, by key path. Keys the task did not name keep their values and their
 * order; new keys are fine anywhere; a key disappears only when the task asks to remove something
 * (and, when it names keys, only at or under a named one). A named key may change, and so may
 * everything under it. Keys with a value (not a map) that the instruction mentions by name count
 * as named, since small planners often leave `symbols` empty for "bump the version". Lists change
 * item by item, or by inserting items (a new workflow step). A new file must define every
 * key path the plan names. Comments survive too: one the reply lost is refused like a lost key.
 */
export async function checkDataScope(file: ProposedFile, dialect: KeyedDialect): Promise<CheckVerdict> {
  const after = await readDataTree(dialect, file.proposed);
  if (!after) return passed;
  if (file.original === undefined) return checkCreatedKeys(file, after);
  const before = await readDataTree(dialect, file.original);
  if (!before) return passed;
  const intended = intendedPaths(file, before, after);
  const finding: ScopeFinding = { changed: [], removed: [], reordered: [] };
  compare(before, after, [], { intended, mayRemove: file.mayRemoveSymbols, namesKeys: file.intendedSymbols.length > 0 }, finding);
  const allowed = file.intendedSymbols.length ? `change only ${file.intendedSymbols.join(', ')}` : `change only what the task asks: ${file.instruction}`;
  if (finding.removed.length > 0) {
    const list = joinKeyNames(finding.removed);
    return failed(
      `${file.path}: the model removed ${list}, which the task did not ask to remove`,
      `You removed ${list}, which the task did not ask to remove; ${allowed}. Keep every other key, value, comment and the key order exactly as they were.`,
    );
  }
  if (finding.changed.length > 0) {
    const list = joinKeyNames(finding.changed.map((change) => change.path));
    const first = finding.changed[0]!;
    return failed(
      `${file.path}: the model also changed ${list}, which the task did not name`,
      `You also changed ${list}, which the task did not name (${first.path} was ${first.before}, your reply has ${first.after}); ${allowed}. Keep every other key, value, comment and the key order exactly as they were.`,
    );
  }
  const lostComment = await firstLostComment(file, dialect);
  if (lostComment !== undefined) {
    return failed(
      `${file.path}: the model dropped the comment ${JSON.stringify(lostComment)}, which the task did not ask to remove`,
      `You dropped the comment ${JSON.stringify(lostComment)}; keep every comment exactly where it was, and change only what the task asks.`,
    );
  }
  if (finding.reordered.length > 0) {
    const list = joinKeyNames(finding.reordered.map((path) => (path === '' ? 'the top level' : path)));
    return failed(
      `${file.path}: the model reordered the keys of ${list}`,
      `You reordered the keys of ${list}; keep every existing key in its place and add new keys without moving the others.`,
    );
  }
  return passed;
}

/**
 * A comment of the original that the reply lost, unless the task asks to remove something, talks
 * about comments, or the comment mentions a key the task names (it may be updated with its key).
 */
async function firstLostComment(file: ProposedFile, dialect: KeyedDialect): Promise<string | undefined> {
  if (file.original === undefined || file.mayRemoveSymbols || /\bcomment/i.test(file.instruction)) return undefined;
  const remaining = await commentsOf(dialect, file.proposed);
  const namedKeys = file.intendedSymbols.flatMap(splitKeyPath).filter((segment) => segment.length >= 3).map((segment) => segment.toLowerCase());
  for (const comment of await commentsOf(dialect, file.original)) {
    const index = remaining.indexOf(comment);
    if (index !== -1) {
      remaining.splice(index, 1);
      continue;
    }
    if (namedKeys.some((key) => comment.toLowerCase().includes(key))) continue;
    return comment;
  }
  return undefined;
}

function checkCreatedKeys(file: ProposedFile, after: DataNode): CheckVerdict {
  const missing = file.intendedSymbols.filter((name) => resolveKeyPath(after, name) === undefined);
  if (missing.length === 0) return passed;
  const list = joinKeyNames(missing);
  return failed(
    `${file.path}: the new file lacks ${list}, which the plan says it defines`,
    `Your new ${file.path} lacks ${list}; the task says the file defines ${list === file.intendedSymbols.join(', ') ? 'them' : joinKeyNames(file.intendedSymbols)}. Reply with the complete file including ${list}.`,
  );
}

/** Named key paths as the file spells them (resolved in the original, else in the reply for an addition), plus keys the instruction mentions. */
function intendedPaths(file: ProposedFile, before: DataNode, after: DataNode): Path[] {
  const paths: Path[] = [];
  for (const name of file.intendedSymbols) {
    const resolved = resolveKeyPath(before, name) ?? resolveKeyPath(after, name);
    paths.push(resolved ? resolved.map(String) : splitKeyPath(name));
  }
  const words = new Set((file.instruction.toLowerCase().match(/[\p{L}\p{N}_-]{3,}/gu) ?? []).filter((word) => !/^\d+$/.test(word)));
  const mentioned = new Map<string, Path[]>();
  const walk = (node: DataNode, prefix: Path, depth: number) => {
    if (node.type !== 'map' || depth > 3) return;
    for (const entry of node.entries) {
      const path = [...prefix, entry.key];
      // Only values: "enable X in compilerOptions" names where the change goes, not every key under compilerOptions.
      const word = entry.key.toLowerCase();
      if (entry.value.type !== 'map' && entry.key.length >= 3 && words.has(word)) mentioned.set(word, [...(mentioned.get(word) ?? []), path]);
      walk(entry.value, path, depth + 1);
    }
  };
  walk(before, [], 0);
  // "Bump the version" means the shallowest `version`, not every dependency's `version` below it;
  // "bump the serde version" means the one whose path also holds `serde`.
  const mentionedSegments = (path: Path) => path.filter((segment) => words.has(segment.toLowerCase())).length;
  for (const found of mentioned.values()) {
    const mostMentioned = Math.max(...found.map(mentionedSegments));
    const best = found.filter((path) => mentionedSegments(path) === mostMentioned);
    const shallowest = Math.min(...best.map((path) => path.length));
    paths.push(...best.filter((path) => path.length === shallowest));
  }
  return paths;
}

interface ScopeRules {
  intended: Path[];
  mayRemove: boolean;
  /** The task names keys: then only those (and what is under them) may be removed. */
  namesKeys: boolean;
}

function isAtOrUnder(path: Path, ancestor: Path): boolean {
  return ancestor.length <= path.length && ancestor.every((segment, index) => segment === path[index]);
}

function compare(before: DataNode, after: DataNode, path: Path, rules: ScopeRules, finding: ScopeFinding): void {
  const mayChange = rules.intended.some((intended) => isAtOrUnder(path, intended));
  if (before.type === 'map' && after.type === 'map') {
    const keptOrder: string[] = [];
    for (const entry of before.entries) {
      const entryPath = [...path, entry.key];
      const counterpart = after.entries.find((candidate) => candidate.key === entry.key);
      if (!counterpart) {
        const removable = rules.mayRemove && (!rules.namesKeys || rules.intended.some((intended) => isAtOrUnder(entryPath, intended)));
        if (!removable) finding.removed.push(display(entryPath));
        continue;
      }
      keptOrder.push(entry.key);
      compare(entry.value, counterpart.value, entryPath, rules, finding);
    }
    if (!mayChange) {
      const order = after.entries.map((entry) => entry.key).filter((key) => keptOrder.includes(key));
      if (order.join('\u0000') !== keptOrder.join('\u0000')) finding.reordered.push(display(path));
    }
    return;
  }
  if (mayChange || sameData(before, after)) return;
  if (before.type === 'list' && after.type === 'list') {
    // Same length: item by item, so a named key inside one item (or one YAML document) can change alone.
    if (before.items.length === after.items.length) {
      before.items.forEach((item, index) => compare(item, after.items[index]!, [...path, String(index)], rules, finding));
      return;
    }
    if (isSubsequence(before.items, after.items)) return;
  }
  finding.changed.push({ path: display(path) || 'the whole file', before: preview(before), after: preview(after) });
}

/** Items kept in order, new ones inserted anywhere: an addition to a list, such as a new workflow step. */
function isSubsequence(items: DataNode[], within: DataNode[]): boolean {
  let position = 0;
  for (const item of within) if (position < items.length && sameData(items[position]!, item)) position++;
  return position === items.length;
}

function display(path: Path): string {
  return joinKeyPath(path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)));
}

function preview(node: DataNode): string {
  if (node.type === 'scalar') return node.value.length > 60 ? `${node.value.slice(0, 57)}...` : node.value;
  if (node.type === 'list') return `a list of ${node.items.length}`;
  return `a map of ${node.entries.length} keys`;
}

/** At most five names, then how many more: a data file can change hundreds of keys at once. */
function joinKeyNames(names: string[]): string {
  const shown = names.slice(0, 5);
  if (names.length > shown.length) return `${shown.join(', ')} and ${names.length - shown.length} more`;
  return joinNames(shown);
}
