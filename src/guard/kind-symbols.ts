import { nearestNames } from '../text/edit-distance.js';
import { RefusalError } from '../errors/litecode-error.js';
import { readDataTree, type DataNode, type KeyedDialect } from '../syntax/kinds/data-tree.js';
import { dialectName, fileKindFor, keyedDialects } from '../syntax/kinds/file-kind.js';
import { joinKeyPath, keyPathsOf, nodeAt, resolveKeyPath, splitKeyPath } from '../syntax/kinds/key-path.js';
import { proseSections, sectionsNamed } from '../syntax/kinds/prose-sections.js';

/** Data files whose plan symbols are key paths, and prose files whose plan symbols are headings. */
export function namesKindParts(path: string): boolean {
  const kind = fileKindFor(path);
  return (kind.family === 'data' && keyedDialects.has(kind.dialect)) || (kind.family === 'prose' && kind.dialect !== 'text');
}

/**
 * The plan's symbols for a data file are key paths and must exist, or name a new key under an
 * existing map or list (an addition: `scripts.test` when `scripts` exists, or when it does not
 * but the top level is a map). For a prose file
 * they are headings and must exist, unless the task adds a section. Throws a RefusalError naming the first that does not.
 */
export async function checkKindSymbols(path: string, symbols: string[], text: string, instruction: string): Promise<void> {
  const kind = fileKindFor(path);
  if (kind.family === 'prose' && kind.dialect !== 'text') {
    const sections = await proseSections(kind.dialect, text);
    // "Add a Contributing section": planners often name the heading they are about to write.
    const addsSection = /\b(add|adds|adding|new|create|insert|write)\b/i.test(instruction);
    for (const name of symbols) {
      if (sectionsNamed(sections, name).length > 0 || addsSection) continue;
      const headings = sections.filter((section) => section.heading !== '').map((section) => section.heading);
      throw new RefusalError(
        `${name} is not a heading in ${path}`,
        headings.length ? `${path} has the sections ${nearestNames(name, headings, 5).join(', ')}; for a new section, name none` : `${path} has no headings; name the file only`,
      );
    }
    return;
  }
  if (kind.family !== 'data' || !keyedDialects.has(kind.dialect)) return;
  const tree = await readDataTree(kind.dialect as KeyedDialect, text);
  if (!tree) {
    throw new RefusalError(`${path} is not valid ${dialectName(kind)}, so litecode cannot find ${symbols[0]} in it`, `fix ${path} first, or name the file without keys`);
  }
  for (const name of symbols) {
    if (resolveKeyPath(tree, name) || parentTakesNewKey(tree, name)) continue;
    const known = keyPathsOf(tree, 3).map(({ segments }) => joinKeyPath(segments));
    throw new RefusalError(
      `${name} is not a key in ${path}, and there is no map for it to go in`,
      known.length ? `${path} has the keys ${nearestNames(name, known, 5).join(', ')}${known.length > 5 ? ', …' : ''}` : `${path} has no keys; name the file only`,
    );
  }
}

/**
 * `scripts.test` may be new when `scripts` is an existing map, and also when there is no `scripts`
 * yet (a package.json without scripts): up to two new levels under an existing map or list. A
 * path through a value (`version.major` when `version` is a string) is never an addition.
 */
function parentTakesNewKey(tree: DataNode, name: string): boolean {
  const segments = splitKeyPath(name);
  for (let missing = 1; missing <= Math.min(2, segments.length); missing++) {
    const ancestorPath = segments.slice(0, -missing);
    const ancestor = ancestorPath.length === 0 ? [] : resolveKeyPath(tree, ancestorPath.map(quoteSegment).join('.'));
    if (!ancestor) continue;
    const node = nodeAt(tree, ancestor);
    return node?.type === 'map' || node?.type === 'list';
  }
  return false;
}

function quoteSegment(segment: string): string {
  return segment.includes('.') ? `"${segment}"` : segment;
}


