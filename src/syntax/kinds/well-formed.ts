import type { ParseError as JsonParseError } from 'jsonc-parser';
import { describeSyntaxErrors, withSyntaxTree } from '../parse-source.js';
import { dockerfileProblems, makefileProblems } from './build-file-lines.js';
import type { FileKind } from './file-kind.js';
import { lineAt, lineStartOffsets } from './line-offsets.js';

/** Where a reply stops being well-formed in its own dialect. */
export interface FormProblem {
  /** 1-based. */
  line: number;
  message: string;
}

/**
 * The first problem that makes `proposed` ill-formed in the dialect `original` used, or
 * undefined. An original that was not well-formed itself proves nothing (the check passes); a
 * new file must be well-formed. Code is left to the tree-sitter syntax check, and kinds with no
 * grammar at all (plain text, unknown) always pass here. Each parser loads on first use: the
 * pre-commit hook and code-only runs never pay for them.
 */
export async function formProblem(kind: FileKind, originalWithMark: string | undefined, proposedWithMark: string): Promise<FormProblem | undefined> {
  // A byte-order mark is not content (the newline check keeps it); JSON.parse and others refuse it.
  const original = originalWithMark?.replace(/^\uFEFF/, '');
  const proposed = proposedWithMark.replace(/^\uFEFF/, '');
  const dialect = kind.family === 'data' || kind.family === 'prose' || kind.family === 'build' ? kind.dialect : undefined;
  switch (dialect) {
    case 'json':
    case 'jsonc':
      return jsonProblem(await import('jsonc-parser'), dialect, original, proposed);
    case 'yaml':
      return differential(original, proposed, yamlProblems, 'a YAML mapping', await yamlShape());
    case 'toml':
      return differential(original, proposed, tomlProblems);
    case 'ini':
      return differential(original, proposed, iniProblems);
    case 'xml':
      return (await differential(original, proposed, xmlProblems)) ?? fragmentProblem(original, proposed, xmlRootElement);
    case 'html':
      return htmlProblem((await import('htmlparser2')).Parser, original, proposed) ?? fragmentProblem(original, proposed, htmlDocumentElement);
    case 'markdown':
      return differential(original, proposed, markdownProblems);
    case 'makefile':
      return differential(original, proposed, async (text) => makefileProblems(text));
    case 'dockerfile':
      return differential(original, proposed, async (text) => dockerfileProblems(text));
    default:
      return undefined;
  }
}

type ProblemFinder = (text: string) => Promise<FormProblem[]>;

async function differential(
  original: string | undefined,
  proposed: string,
  find: ProblemFinder,
  shapeName?: string,
  shapeOf?: (text: string) => string | undefined,
): Promise<FormProblem | undefined> {
  if (original !== undefined && (await find(original)).length > 0) return undefined;
  const [problem] = await find(proposed);
  if (problem) return problem;
  if (original !== undefined && shapeOf && shapeName) {
    const before = shapeOf(original);
    const after = shapeOf(proposed);
    if (before === 'map' && after !== 'map') return { line: 1, message: `the reply is not ${shapeName} any more, as the original was` };
  }
  return undefined;
}

/** Strict JSON, JSON with comments, JSON with comments and trailing commas: the reply may use no more than the original did. */
const jsonLevels = [
  { name: 'strict JSON (no comments, no trailing commas)', disallowComments: true, allowTrailingComma: false },
  { name: 'JSON with comments but no trailing commas', disallowComments: false, allowTrailingComma: false },
  { name: 'JSON with comments', disallowComments: false, allowTrailingComma: true },
] as const;

type JsoncModule = typeof import('jsonc-parser');

function jsonProblem(jsonc: JsoncModule, dialect: 'json' | 'jsonc', original: string | undefined, proposed: string): FormProblem | undefined {
  const lowest = dialect === 'json' ? 0 : 1;
  let level: number;
  if (original === undefined) level = dialect === 'json' ? 0 : 2;
  else {
    const found = jsonLevels.findIndex((_, index) => index >= lowest && jsonErrors(jsonc, original, index).length === 0);
    if (found === -1) return undefined;
    level = found;
  }
  const [error] = jsonErrors(jsonc, proposed, level);
  if (!error) return duplicateKeyProblem(jsonc, original, proposed, level);
  const { line, column } = lineAndColumn(proposed, error.offset);
  return { line, message: `${describeJsonError(jsonc, error)} at line ${line}, column ${column}; the file is ${jsonLevels[level]!.name}` };
}

/**
 * A key written twice in one object parses (the last one wins), so a reply that adds `"test"`
 * next to the old `"test"` would silently drop a value: refused unless the original did it too.
 */
function duplicateKeyProblem(jsonc: JsoncModule, original: string | undefined, proposed: string, level: number): FormProblem | undefined {
  if (original !== undefined && firstDuplicateKey(jsonc, original, level) !== undefined) return undefined;
  const duplicate = firstDuplicateKey(jsonc, proposed, level);
  if (duplicate === undefined) return undefined;
  const { line } = lineAndColumn(proposed, duplicate.offset);
  return { line, message: `the key ${JSON.stringify(duplicate.key)} appears twice in one object (line ${line}); each key may appear once` };
}

function firstDuplicateKey(jsonc: JsoncModule, text: string, level: number): { key: string; offset: number } | undefined {
  const { disallowComments, allowTrailingComma } = jsonLevels[level]!;
  const root = jsonc.parseTree(text, [], { disallowComments, allowTrailingComma });
  const pending = root ? [root] : [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        if (seen.has(keyNode.value)) return { key: keyNode.value, offset: keyNode.offset };
        seen.add(keyNode.value);
      }
    }
    pending.push(...(node.children ?? []));
  }
  return undefined;
}

/** Not one of jsonc-parser's codes: JSON.parse refused what jsonc-parser accepted. */
const strictJsonError = -1 as JsonParseError['error'];

function jsonErrors(jsonc: JsoncModule, text: string, level: number): JsonParseError[] {
  const errors: JsonParseError[] = [];
  const { disallowComments, allowTrailingComma } = jsonLevels[level]!;
  jsonc.parse(text, errors, { disallowComments, allowTrailingComma, allowEmptyContent: false });
  if (errors.length === 0 && level === 0) {
    // jsonc-parser tolerates a few things JSON.parse does not (leading zeros, some escapes): JSON.parse is the verdict.
    try {
      JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      return [{ error: strictJsonError, offset: position ? Number(position) : 0, length: 1 }];
    }
  }
  return errors;
}

function describeJsonError(jsonc: JsoncModule, error: JsonParseError): string {
  if (error.error === strictJsonError) return 'invalid JSON';
  const code = jsonc.printParseErrorCode(error.error);
  const names: Record<string, string> = {
    InvalidCommentToken: 'a comment, which this JSON file does not allow',
    PropertyNameExpected: 'a property name expected (a trailing comma?)',
    ValueExpected: 'a value expected (a trailing comma?)',
    CommaExpected: 'a comma expected',
    ColonExpected: 'a colon expected',
    CloseBraceExpected: 'a closing } expected',
    CloseBracketExpected: 'a closing ] expected',
    EndOfFileExpected: 'text after the end of the JSON value',
    InvalidSymbol: 'an invalid symbol',
    UnexpectedEndOfString: 'an unterminated string',
  };
  return names[code] ?? code;
}

async function yamlProblems(text: string): Promise<FormProblem[]> {
  const { parseAllDocuments } = await import('yaml');
  const documents = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(documents)) return [];
  const problems = documents.flatMap((document) =>
    document.errors.map((error) => ({ line: error.linePos?.[0]?.line ?? 1, message: error.message.split('\n')[0]! })),
  );
  if (problems.length > 0) return problems;
  for (const document of documents) {
    try {
      // Aliases resolve only here: `*missing` is an error the parse alone does not report.
      document.toJS({ maxAliasCount: 10_000 });
    } catch (error) {
      return [{ line: 1, message: error instanceof Error ? error.message.split('\n')[0]! : String(error) }];
    }
  }
  return [];
}

async function yamlShape(): Promise<(text: string) => string | undefined> {
  const { isMap, isSeq, parseAllDocuments } = await import('yaml');
  return (text) => {
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents) || documents.length === 0) return undefined;
    const { contents } = documents[0]!;
    return isMap(contents) ? 'map' : isSeq(contents) ? 'list' : 'scalar';
  };
}

async function tomlProblems(text: string): Promise<FormProblem[]> {
  const { parse: parseToml, TomlError } = await import('smol-toml');
  try {
    parseToml(text);
    return [];
  } catch (error) {
    if (error instanceof TomlError) return [{ line: error.line, message: error.message.split('\n')[0]! }];
    return [{ line: 1, message: String(error) }];
  }
}

async function iniProblems(text: string): Promise<FormProblem[]> {
  return withSyntaxTree('ini', text, (tree) =>
    describeSyntaxErrors(tree.rootNode, text).map((problem) => ({ line: problem.line, message: `not a section, a key = value line or a comment: ${problem.excerpt}` })),
  );
}

async function xmlProblems(text: string): Promise<FormProblem[]> {
  const { XMLValidator } = await import('fast-xml-parser');
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (verdict === true) return [];
  return [{ line: verdict.err.line, message: verdict.err.msg }];
}

/** The document element's name, past the XML declaration, comments, processing instructions and the doctype. */
function xmlRootElement(text: string): string | undefined {
  const body = text.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  return /^\s*<([A-Za-z_][\w:.-]*)/.exec(body)?.[1];
}

/** The whole-page elements an HTML file has (`html`, `head`, `body`), so a reply cut down to a fragment shows. */
function htmlDocumentElement(text: string): string | undefined {
  const found = ['html', 'body', 'head'].filter((name) => new RegExp(`<${name}[\\s>]`, 'i').test(text));
  return found.length === 0 ? undefined : found.join(', ');
}

/**
 * A reply that is a fragment of the file (one element of an SVG, the `<body>` of a page) can be
 * well-formed: the document element the original had must still be there.
 */
function fragmentProblem(original: string | undefined, proposed: string, rootOf: (text: string) => string | undefined): FormProblem | undefined {
  if (original === undefined) return undefined;
  const before = rootOf(original);
  if (before === undefined || rootOf(proposed) === before) return undefined;
  return { line: 1, message: `the reply is a fragment: the original's document element <${before.split(', ')[0]}> is missing or replaced (reply with the whole file)` };
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
/** Elements whose end tag HTML lets an author leave out: a new file may do so. */
const optionalEndElements = ['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'rt', 'rp', 'optgroup', 'option', 'colgroup', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'];

interface HtmlShape {
  elements: number;
  /** Element names the parser had to close itself (end tag missing), with the line of the first. */
  impliedCloses: Map<string, number>;
}

/**
 * HTML is well-formed here when every element is closed by its own end tag, except those the
 * original (or, for a new file, the HTML standard) already leaves open, and void elements.
 */
type HtmlParserClass = typeof import('htmlparser2').Parser;

function htmlProblem(HtmlParser: HtmlParserClass, original: string | undefined, proposed: string): FormProblem | undefined {
  const before = original === undefined ? undefined : htmlShape(HtmlParser, original);
  const after = htmlShape(HtmlParser, proposed);
  const tolerated = new Set(before ? before.impliedCloses.keys() : optionalEndElements);
  for (const [name, line] of after.impliedCloses) {
    if (!tolerated.has(name)) return { line, message: `<${name}> is not closed (no </${name}>)` };
  }
  if (before && before.elements > 0 && after.elements === 0) return { line: 1, message: 'the reply holds no HTML elements at all' };
  return undefined;
}

function htmlShape(HtmlParser: HtmlParserClass, text: string): HtmlShape {
  const shape: HtmlShape = { elements: 0, impliedCloses: new Map() };
  const lineStarts = lineStartOffsets(text);
  const parser = new HtmlParser(
    {
      onopentag() {
        shape.elements++;
      },
      onclosetag(name, isImplied) {
        if (!isImplied || voidElements.has(name) || shape.impliedCloses.has(name)) return;
        // An element closed by `/>` is complete; the parser reports it as implied.
        const tagEnd = text.lastIndexOf('>', parser.endIndex);
        if (tagEnd > 0 && text[tagEnd - 1] === '/' && parser.endIndex - tagEnd < 2) return;
        shape.impliedCloses.set(name, lineAt(lineStarts, parser.startIndex));
      },
    },
    { recognizeSelfClosing: true, decodeEntities: false },
  );
  parser.write(text);
  parser.end();
  return shape;
}

/** A fenced code block the original closed everywhere must not be left open (the rest of the file would become code). */
async function markdownProblems(text: string): Promise<FormProblem[]> {
  const { marked } = await import('marked');
  const problems: FormProblem[] = [];
  let offset = 0;
  for (const token of marked.lexer(text)) {
    if (token.type === 'code' && /^ {0,3}(`{3,}|~{3,})/.test(token.raw)) {
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(token.raw)![1]!;
      const lines = token.raw.replace(/\n+$/, '').split('\n');
      const last = lines.at(-1)!.trim();
      const closed = lines.length > 1 && last.startsWith(fence[0]!.repeat(fence.length)) && /^[`~]+$/.test(last);
      if (!closed) problems.push({ line: lineAt(lineStartOffsets(text), text.indexOf(token.raw, offset)), message: `a ${fence} code block is never closed` });
    }
    offset += token.raw.length;
  }
  return problems;
}



function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const line = lineAt(lineStartOffsets(text), offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}
