import type { CodeSymbol } from '../outline.js';
import { readDataTree, type KeyedDialect } from './data-tree.js';
import { fileKindFor, keyedDialects } from './file-kind.js';
import { joinKeyPath, keyPathsOf } from './key-path.js';
import { makefileTargets } from './build-file-lines.js';
import { proseSections } from './prose-sections.js';
import { tomlRanges } from './toml-ranges.js';
import { lineAt, lineStartOffsets } from './line-offsets.js';

/** Key paths are listed two levels deep (`scripts.test`, `project.version`): enough to plan with, small enough for a repo map. */
const keyPathDepth = 2;
const maxOutlineEntries = 80;
/** Larger data files (fixtures, generated catalogs) are listed without keys: parsing them costs more than their keys tell a planner. */
const maxKeyOutlineBytes = 256 * 1024;

/**
 * The outline of a data, prose or make file: key paths (a key's parent path is its container, so
 * a repo map shows `scripts{build,test}`), section headings, or make targets. Undefined for other
 * kinds, which keep their code or plain-text outline.
 */
export async function kindOutline(path: string, text: string): Promise<CodeSymbol[] | undefined> {
  const kind = fileKindFor(path);
  if (kind.family === 'data' && keyedDialects.has(kind.dialect)) return text.length > maxKeyOutlineBytes ? [] : keyOutline(kind.dialect as KeyedDialect, text);
  if (kind.family === 'prose' && kind.dialect !== 'text') return headingOutline(kind.dialect, text);
  if (kind.family === 'build' && kind.dialect === 'makefile') return targetOutline(text);
  return undefined;
}

async function keyOutline(dialect: KeyedDialect, text: string): Promise<CodeSymbol[]> {
  const tree = await readDataTree(dialect, text);
  if (!tree) return [];
  const lineStarts = lineStartOffsets(text);
  const found = dialect === 'toml' ? tomlRanges(text) : undefined;
  return keyPathsOf(tree, keyPathDepth)
    .slice(0, maxOutlineEntries)
    .map(({ segments, entry }) => {
      const range = entry.range ?? found?.get(segments.join('\u0000'));
      const [startIndex, endIndex] = range ? withoutTrailingSpace(text, range) : [0, 0];
      const startLine = lineAt(lineStarts, startIndex);
      return {
        name: entry.key,
        kind: 'other',
        container: segments.length > 1 ? joinKeyPath(segments.slice(0, -1)) : undefined,
        startLine,
        endLine: range ? lineAt(lineStarts, Math.max(startIndex, endIndex - 1)) : startLine,
        startIndex,
        endIndex,
        signature: joinKeyPath(segments),
      } satisfies CodeSymbol;
    });
}

async function headingOutline(dialect: 'markdown' | 'rst', text: string): Promise<CodeSymbol[]> {
  return (await proseSections(dialect, text))
    .filter((section) => section.heading !== '')
    .slice(0, maxOutlineEntries)
    .map((section) => ({ section, range: withoutTrailingSpace(text, [section.startIndex, section.endIndex]) }))
    .map(({ section, range: [startIndex, endIndex] }) => ({
      name: section.heading,
      kind: 'other',
      container: undefined,
      startLine: section.startLine,
      endLine: section.endLine,
      startIndex,
      endIndex,
      signature: `${'#'.repeat(section.level)} ${section.heading}`,
    }));
}

/** Make targets, each covering its rule line and recipe, so a plan can name `lint` and the scope check sees a lost target. */
function targetOutline(text: string): CodeSymbol[] {
  const lineStarts = lineStartOffsets(text);
  return makefileTargets(text)
    .slice(0, maxOutlineEntries)
    .map((target) => {
      const [startIndex, endIndex] = withoutTrailingSpace(text, [lineStarts[target.startLine - 1]!, lineStarts[target.endLine] ?? text.length]);
      const ruleLine = text.slice(startIndex, text.indexOf('\n', startIndex) === -1 ? text.length : text.indexOf('\n', startIndex)).trim();
      return { name: target.name, kind: 'other', container: undefined, startLine: target.startLine, endLine: target.endLine, startIndex, endIndex, signature: ruleLine };
    });
}

/**
 * Ranges end at their last non-blank character, as tree-sitter's do: symbol mode splices the
 * model's reply (trailing newlines dropped) over the range, and the blank lines after it stay.
 */
function withoutTrailingSpace(text: string, [start, end]: [number, number]): [number, number] {
  return [start, start + text.slice(start, end).trimEnd().length];
}


