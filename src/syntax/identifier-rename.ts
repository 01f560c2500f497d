import type { Node } from 'web-tree-sitter';
import { RefusalError } from '../errors/litecode-error.js';
import { languageForPath, type LanguageId } from './languages.js';
import { withSyntaxTree } from './parse-source.js';
import { walkTree } from './tree-walk.js';

/**
 * Leaf node types that name things in each grammar. Comments and string contents are never
 * among them, so a rename cannot touch them; code inside template substitutions and
 * f-string interpolations is parsed as code and is renamed.
 * Bash and CSS are absent on purpose: their "words" are not identifiers.
 */
const identifierTypes: Partial<Record<LanguageId, ReadonlySet<string>>> = {
  javascript: new Set(['identifier', 'property_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern']),
  typescript: new Set(['identifier', 'property_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern', 'type_identifier']),
  tsx: new Set(['identifier', 'property_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern', 'type_identifier']),
  python: new Set(['identifier']),
  go: new Set(['identifier', 'field_identifier', 'type_identifier', 'package_identifier']),
  rust: new Set(['identifier', 'field_identifier', 'type_identifier']),
  java: new Set(['identifier', 'type_identifier']),
  ruby: new Set(['identifier', 'constant']),
  php: new Set(['name']),
  'c-sharp': new Set(['identifier']),
  cpp: new Set(['identifier', 'field_identifier', 'type_identifier', 'namespace_identifier']),
};

export function supportsIdentifierRename(path: string): boolean {
  const language = languageForPath(path);
  return language !== undefined && identifierTypes[language] !== undefined;
}

/**
 * Renames every identifier node spelled `oldName` to `newName`. Object shorthand is renamed
 * as written (`{ validateToken }` becomes `{ verifyToken }`): property names are renamed
 * everywhere too, so keys and the code reading them stay in step across files.
 * Refuses languages without a grammar rather than falling back to a textual replace.
 */
export async function renameIdentifier(
  path: string,
  text: string,
  oldName: string,
  newName: string,
): Promise<{ text: string; occurrences: number }> {
  const language = languageForPath(path);
  const types = language ? identifierTypes[language] : undefined;
  if (!language || !types) {
    throw new RefusalError(
      `cannot rename ${oldName} in ${path}: renaming needs a parser for this file type`,
      'rename it by hand, or ask for a rename in a JavaScript, TypeScript, Python, Go, Rust, Java, Ruby, PHP, C# or C++ file',
    );
  }
  const ranges = await withSyntaxTree(language, text, (tree) => identifierRanges(tree.rootNode, types, oldName));
  let renamed = '';
  let copiedUpTo = 0;
  for (const { startIndex, endIndex } of ranges) {
    renamed += text.slice(copiedUpTo, startIndex) + newName;
    copiedUpTo = endIndex;
  }
  return { text: renamed + text.slice(copiedUpTo), occurrences: ranges.length };
}

function identifierRanges(root: Node, types: ReadonlySet<string>, name: string): { startIndex: number; endIndex: number }[] {
  const ranges: { startIndex: number; endIndex: number }[] = [];
  walkTree(root, (cursor) => {
    if (types.has(cursor.nodeType) && cursor.nodeIsNamed && cursor.nodeText === name) {
      ranges.push({ startIndex: cursor.startIndex, endIndex: cursor.endIndex });
    }
    return true;
  });
  return ranges;
}
