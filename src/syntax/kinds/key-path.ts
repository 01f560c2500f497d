import type { DataEntry, DataNode } from './data-tree.js';

/**
 * Key paths name parts of a data file: `scripts.test`, `project.version`,
 * `jobs.build.steps[2]` (or `jobs.build.steps.2`). A key that itself contains dots is written
 * as is (`editor.formatOnSave`, matched greedily against the file's real keys) or in double
 * quotes (`"editor.formatOnSave"`). In multi-document YAML the first segment is the document's
 * index. TOML tables and INI sections are keys like any other (`tool.black.line-length`,
 * `flake8.max-line-length`).
 */
export function splitKeyPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quoted = false;
  const text = path.trim();
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && character === '[') {
      const close = text.indexOf(']', index);
      if (close !== -1) {
        if (current) segments.push(current);
        segments.push(text.slice(index + 1, close).replace(/^["']|["']$/g, ''));
        current = '';
        index = close;
        continue;
      }
    }
    if (!quoted && character === '.') {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  if (current) segments.push(current);
  return segments;
}

/** The path as a user reads it: dots between keys, brackets for list positions, quotes around keys with dots. */
export function joinKeyPath(segments: readonly (string | number)[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const text = segment.includes('.') || segment === '' ? `"${segment}"` : segment;
      return index === 0 ? text : `.${text}`;
    })
    .join('');
}

export type ResolvedSegment = string | number;

/**
 * The file's own keys that `path` names, or undefined. At each map the longest run of
 * segments that equals a key wins, so `editor.formatOnSave` finds that one key.
 */
export function resolveKeyPath(root: DataNode, path: string): ResolvedSegment[] | undefined {
  return resolveSegments(root, splitKeyPath(path));
}

function resolveSegments(node: DataNode, segments: string[]): ResolvedSegment[] | undefined {
  if (segments.length === 0) return [];
  if (node.type === 'list') {
    const index = /^\d+$/.test(segments[0]!) ? Number(segments[0]) : -1;
    const item = node.items[index];
    if (!item) return undefined;
    const rest = resolveSegments(item, segments.slice(1));
    return rest && [index, ...rest];
  }
  if (node.type !== 'map') return undefined;
  for (let length = segments.length; length >= 1; length--) {
    const key = segments.slice(0, length).join('.');
    const entry = node.entries.find((candidate) => candidate.key === key);
    if (!entry) continue;
    const rest = resolveSegments(entry.value, segments.slice(length));
    if (rest) return [key, ...rest];
  }
  return undefined;
}

export function nodeAt(root: DataNode, segments: readonly ResolvedSegment[]): DataNode | undefined {
  let node: DataNode | undefined = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.type === 'list' && typeof segment === 'number') node = node.items[segment];
    else if (node.type === 'map') node = node.entries.find((entry) => entry.key === String(segment))?.value;
    else return undefined;
  }
  return node;
}

export interface KeyPathEntry {
  segments: string[];
  entry: DataEntry;
}

/** Map keys down to `depth` levels, in file order (lists are not descended: their items have no names). */
export function keyPathsOf(root: DataNode, depth: number): KeyPathEntry[] {
  const found: KeyPathEntry[] = [];
  const walk = (node: DataNode, prefix: string[]) => {
    if (node.type !== 'map' || prefix.length >= depth) return;
    for (const entry of node.entries) {
      const segments = [...prefix, entry.key];
      found.push({ segments, entry });
      walk(entry.value, segments);
    }
  };
  if (root.type === 'list') root.items.forEach((item, index) => walk(item, [String(index)]));
  else walk(root, []);
  return found;
}
