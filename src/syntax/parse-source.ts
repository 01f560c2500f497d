import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { languageForPath, type LanguageId } from './languages.js';
import { walkTree } from './tree-walk.js';

const require = createRequire(import.meta.url);

let initialised: Promise<void> | undefined;
const parsers = new Map<GrammarName, Promise<Parser>>();

/** A grammar in @vscode/tree-sitter-wasm: a code language, or a data format such as INI. */
export type GrammarName = LanguageId | 'ini';

/** One parser per language, created on first use: only the grammars a run needs are loaded. */
function parserFor(language: GrammarName): Promise<Parser> {
  let parser = parsers.get(language);
  if (!parser) {
    initialised ??= Parser.init();
    parser = initialised.then(async () => {
      const grammar = await Language.load(require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${language}.wasm`));
      const created = new Parser();
      created.setLanguage(grammar);
      return created;
    });
    parsers.set(language, parser);
  }
  return parser;
}

/** Parses `text`. The tree lives in WebAssembly memory: the caller must call `tree.delete()`. */
export async function parseSource(language: GrammarName, text: string): Promise<Tree> {
  const parser = await parserFor(language);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${language}`);
  return tree;
}

/** Parses, hands the tree to `use`, and frees it however `use` ends. */
export async function withSyntaxTree<T>(language: GrammarName, text: string, use: (tree: Tree) => T | Promise<T>): Promise<T> {
  const tree = await parseSource(language, text);
  try {
    return await use(tree);
  } finally {
    tree.delete();
  }
}

export interface SyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The offending line, trimmed and shortened, so a model can find it. */
  excerpt: string;
  /** Character offsets of the error node in the text. */
  startIndex: number;
  endIndex: number;
}

/**
 * ERROR and MISSING nodes, outermost first, in source order, and empty blocks: the Python
 * grammar accepts `def f():` followed by an unindented line (or nothing) with a zero-width
 * body instead of reporting an error. (Other grammars have legitimate zero-width nodes,
 * such as an empty heredoc in bash, so only `block` counts.)
 */
export function errorNodes(root: Node): Node[] {
  const found: Node[] = [];
  walkTree(root, (cursor) => {
    const isError = cursor.nodeType === 'ERROR' || cursor.nodeIsMissing;
    const isEmpty = cursor.nodeType === 'block' && cursor.startIndex === cursor.endIndex;
    if (isError || isEmpty) found.push(cursor.currentNode);
    return !isError && !isEmpty;
  });
  return found;
}

export function describeSyntaxErrors(root: Node, text: string): SyntaxProblem[] {
  const lines = text.split('\n');
  return errorNodes(root).map((node) => {
    const line = node.startPosition.row + 1;
    const lineText = (lines[node.startPosition.row] ?? '').trim();
    return {
      line,
      column: node.startPosition.column + 1,
      excerpt: lineText.length > 80 ? `${lineText.slice(0, 77)}...` : lineText,
      startIndex: node.startIndex,
      endIndex: node.endIndex,
    };
  });
}

/** Syntax errors in a file's text; `undefined` when no grammar covers the file's language. */
export async function syntaxErrors(path: string, text: string): Promise<SyntaxProblem[] | undefined> {
  const language = languageForPath(path);
  if (!language) return undefined;
  return withSyntaxTree(language, text, (tree) => describeSyntaxErrors(tree.rootNode, text));
}
