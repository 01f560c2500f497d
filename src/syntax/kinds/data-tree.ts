import type { Node as JsonNode, ParseError as JsonParseError } from 'jsonc-parser';
import type { Document, Node as YamlNode } from 'yaml';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { withSyntaxTree } from '../parse-source.js';
import type { DataDialect } from './file-kind.js';

/**
 * A data file's content as an ordered tree of keys, the same shape for JSON, YAML, TOML and
 * INI: what the data scope check compares and what key paths address. Scalars are compared by
 * a canonical text (`1`, `"1"`, `true`, `null`), so `1` and `"1"` differ, as they do to a program.
 */
export type DataNode =
  | { type: 'map'; entries: DataEntry[] }
  | { type: 'list'; items: DataNode[] }
  | { type: 'scalar'; value: string };

export interface DataEntry {
  key: string;
  value: DataNode;
  /** Character range of `key: value` in the text, where the parser gives one. */
  range?: [number, number];
}

export type KeyedDialect = Extract<DataDialect, 'json' | 'jsonc' | 'yaml' | 'toml' | 'ini'>;

type YamlModule = typeof import('yaml');

/**
 * The tree of a keyed data file, or undefined when it does not parse. Multi-document YAML is a
 * list of its documents. Parsers load on first use, so runs that meet no data file never pay for them.
 */
export async function readDataTree(dialect: KeyedDialect, textWithMark: string): Promise<DataNode | undefined> {
  // A byte-order mark (Windows editors write one) is not content: no parser here accepts it.
  const text = textWithMark.replace(/^\uFEFF/, '');
  try {
    switch (dialect) {
      case 'json':
      case 'jsonc':
        return jsonTree(await import('jsonc-parser'), text);
      case 'yaml':
        return yamlTree(await import('yaml'), text);
      case 'toml':
        return valueTree((await import('smol-toml')).parse(text));
      case 'ini':
        return await iniTree(text);
    }
  } catch {
    return undefined;
  }
}

function jsonTree(jsonc: typeof import('jsonc-parser'), text: string): DataNode | undefined {
  const errors: JsonParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (!root || errors.length > 0) return undefined;
  return fromJsonNode(root);
}

function fromJsonNode(node: JsonNode): DataNode {
  if (node.type === 'object') {
    const entries: DataEntry[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      entries.push({
        key: String(keyNode.value),
        value: valueNode ? fromJsonNode(valueNode) : { type: 'scalar', value: 'null' },
        range: [property.offset, property.offset + property.length],
      });
    }
    return { type: 'map', entries };
  }
  if (node.type === 'array') return { type: 'list', items: (node.children ?? []).map(fromJsonNode) };
  return { type: 'scalar', value: JSON.stringify(node.value ?? null) };
}

function yamlTree(yaml: YamlModule, text: string): DataNode | undefined {
  const documents = yaml.parseAllDocuments(text);
  if (!Array.isArray(documents)) return { type: 'scalar', value: 'null' };
  if (documents.some((document) => document.errors.length > 0)) return undefined;
  const trees = documents.map((document) => fromYamlNode(yaml, document.contents, document, 0));
  return trees.length === 1 ? trees[0] : { type: 'list', items: trees };
}

const maxAliasDepth = 50;

function fromYamlNode(yaml: YamlModule, node: unknown, document: Document, depth: number): DataNode {
  const { isAlias, isMap, isScalar, isSeq } = yaml;
  if (depth > maxAliasDepth) return { type: 'scalar', value: '"<alias loop>"' };
  if (isAlias(node)) return fromYamlNode(yaml, node.resolve(document), document, depth + 1);
  if (isMap(node)) {
    const entries: DataEntry[] = node.items.map((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyRange = (pair.key as YamlNode | null)?.range;
      const valueRange = (pair.value as YamlNode | null)?.range;
      const entry: DataEntry = { key, value: fromYamlNode(yaml, pair.value, document, depth + 1) };
      if (keyRange) entry.range = [keyRange[0], valueRange ? valueRange[1] : keyRange[1]];
      return entry;
    });
    return { type: 'map', entries };
  }
  if (isSeq(node)) return { type: 'list', items: node.items.map((item) => fromYamlNode(yaml, item, document, depth + 1)) };
  if (isScalar(node)) return scalar(node.value);
  return { type: 'scalar', value: 'null' };
}

/** Plain parsed values (TOML): objects keep their key order. */
function valueTree(value: unknown): DataNode {
  if (Array.isArray(value)) return { type: 'list', items: value.map(valueTree) };
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return { type: 'map', entries: Object.entries(value).map(([key, child]) => ({ key, value: valueTree(child) })) };
  }
  return scalar(value);
}

function scalar(value: unknown): DataNode {
  if (value instanceof Date) return { type: 'scalar', value: JSON.stringify(String(value)) };
  if (typeof value === 'bigint') return { type: 'scalar', value: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { type: 'scalar', value: String(value) };
  return { type: 'scalar', value: JSON.stringify(value ?? null) };
}

/** INI through tree-sitter-ini: settings before the first section are top-level keys, each section a map. */
async function iniTree(text: string): Promise<DataNode | undefined> {
  return withSyntaxTree('ini', text, (tree) => {
    if (tree.rootNode.hasError) return undefined;
    const entries: DataEntry[] = [];
    for (const child of tree.rootNode.namedChildren) {
      if (!child) continue;
      if (child.type === 'setting') entries.push(iniSetting(child));
      if (child.type === 'section') {
        const name = child.namedChildren.find((node) => node?.type === 'section_name')?.text.trim().replace(/^\[|\]$/g, '').trim() ?? '';
        const settings = child.namedChildren.filter((node): node is SyntaxNode => node?.type === 'setting').map(iniSetting);
        entries.push({ key: name, value: { type: 'map', entries: settings }, range: [child.startIndex, child.endIndex] });
      }
    }
    return { type: 'map', entries };
  });
}

function iniSetting(node: SyntaxNode): DataEntry {
  const name = node.namedChildren.find((child) => child?.type === 'setting_name')?.text.trim() ?? '';
  const value = node.namedChildren.find((child) => child?.type === 'setting_value')?.text.trim() ?? '';
  return { key: name, value: { type: 'scalar', value: JSON.stringify(value) }, range: [node.startIndex, node.endIndex] };
}

/** Structural equality, key order aside (order is checked on its own, where it matters). */
export function sameData(left: DataNode, right: DataNode): boolean {
  if (left.type !== right.type) return false;
  if (left.type === 'scalar') return left.value === (right as typeof left).value;
  if (left.type === 'list') {
    const items = (right as typeof left).items;
    return left.items.length === items.length && left.items.every((item, index) => sameData(item, items[index]!));
  }
  const entries = (right as typeof left).entries;
  if (left.entries.length !== entries.length) return false;
  return left.entries.every((entry) => {
    const other = entries.find((candidate) => candidate.key === entry.key);
    return other !== undefined && sameData(entry.value, other.value);
  });
}
