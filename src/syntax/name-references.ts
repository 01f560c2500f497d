import type { Node } from 'web-tree-sitter';
import { javascriptGlobals } from './globals/javascript-globals.js';
import { pythonBuiltins } from './globals/python-builtins.js';
import { languageForPath, type LanguageId } from './languages.js';
import { withSyntaxTree } from './parse-source.js';

/**
 * The plain names a file uses and the names it binds, for the references check. Scopes are
 * flattened on purpose: a name bound anywhere in the file (a parameter, a local, an import)
 * counts as bound everywhere, so the check can only err towards accepting. Property names,
 * object keys, keyword arguments, labels and type names are neither.
 */
export interface NameFacts {
  /** Names read or called as plain identifiers. */
  used: Set<string>;
  /** Names the file declares, assigns, imports or takes as parameters. */
  bound: Set<string>;
  /**
   * Whether every name the file can see is in `bound` or `globals`: a JavaScript file without
   * import/export/require is a script sharing one global scope with others, and a Python file
   * with `from x import *` or `globals().update(...)` binds names it does not spell, so neither is.
   */
  closed: boolean;
  globals: ReadonlySet<string>;
}

/** Languages the references check covers; the others have no name facts (documented in the check). */
export function supportsNameFacts(path: string): boolean {
  const language = languageForPath(path);
  return language !== undefined && factsByLanguage[language] !== undefined;
}

export async function nameFacts(path: string, text: string): Promise<NameFacts | undefined> {
  const language = languageForPath(path);
  const collect = language === undefined ? undefined : factsByLanguage[language];
  if (language === undefined || collect === undefined) return undefined;
  return withSyntaxTree(language, text, (tree) => collect(tree.rootNode));
}

type Collector = (root: Node) => NameFacts;

/** Parent types whose `name` field declares the name. */
const javascriptNamedDeclarations = new Set([
  'function_declaration',
  'generator_function_declaration',
  'class_declaration',
  'abstract_class_declaration',
  'function_expression',
  'function',
  'generator_function',
  'class',
  'enum_declaration',
  'internal_module',
  'module',
  'type_alias_declaration',
  'interface_declaration',
  'function_signature',
]);
/** Wrappers a bound name may sit in: `{a, b: [c], d = 1, ...e}`. */
const javascriptPatterns = new Set(['object_pattern', 'array_pattern', 'rest_pattern', 'pair_pattern', 'object_assignment_pattern', 'assignment_pattern']);

function isField(parent: Node, child: Node, field: string): boolean {
  const found = parent.childForFieldName(field);
  return found !== null && found.id === child.id;
}

function javascriptBinds(node: Node): boolean {
  let current = node;
  let parent = current.parent;
  while (parent && javascriptPatterns.has(parent.type)) {
    // The default value of a pattern (`{ a = fallback }`) and a pair's key are not bound.
    if ((parent.type === 'object_assignment_pattern' || parent.type === 'assignment_pattern') && !isField(parent, current, 'left')) return false;
    if (parent.type === 'pair_pattern' && !isField(parent, current, 'value')) return false;
    current = parent;
    parent = current.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'variable_declarator':
      return isField(parent, current, 'name');
    case 'formal_parameters':
    case 'import_clause':
    case 'namespace_import':
    case 'import_specifier':
      return true;
    case 'required_parameter':
    case 'optional_parameter':
      return isField(parent, current, 'pattern');
    case 'catch_clause':
      return isField(parent, current, 'parameter');
    case 'for_in_statement':
      return isField(parent, current, 'left');
    case 'arrow_function':
      return isField(parent, current, 'parameter');
    case 'assignment_expression':
      return isField(parent, current, 'left');
    default:
      return javascriptNamedDeclarations.has(parent.type) && isField(parent, current, 'name');
  }
}

/** Type-level TypeScript: its names (index-signature keys, mapped-type keys, type parameters) are not values. */
const typeOnlyNodes = new Set([
  'type_annotation',
  'type_arguments',
  'type_parameters',
  'type_alias_declaration',
  'interface_declaration',
  'index_signature',
  'mapped_type_clause',
  'type_query',
  'asserts_annotation',
  'type_predicate_annotation',
  'opting_type_annotation',
  'omitting_type_annotation',
  'adding_type_annotation',
  'implements_clause',
]);

function isTypeOnly(node: Node): boolean {
  return typeOnlyNodes.has(node.type) || (node.type.endsWith('_type') && node.type !== 'import_type');
}

const collectJavascript: Collector = (root) => {
  const used = new Set<string>();
  const bound = new Set<string>();
  let module = false;
  const visit = (node: Node): void => {
    if (node.type === 'import_statement' || node.type === 'export_statement') module = true;
    if (isTypeOnly(node)) return;
    // `export type { A }`, `export { type A }`: type names, not values.
    if ((node.type === 'export_statement' || node.type === 'export_specifier') && node.children.some((child) => child.type === 'type')) return;
    // `export { a } from './b'` re-exports another module's names: nothing local is used.
    if (node.type === 'export_statement' && node.childForFieldName('source')) return;
    if (node.type === 'assignment_expression') {
      // `globalThis.flag = …` (or window., global., self.) defines a global the file may then use bare.
      const left = node.childForFieldName('left');
      const object = left?.type === 'member_expression' ? left.childForFieldName('object') : null;
      const property = left?.childForFieldName('property');
      if (object && property && ['globalThis', 'window', 'global', 'self'].includes(object.text)) bound.add(property.text);
    }
    if (node.type === 'shorthand_property_identifier_pattern') bound.add(node.text);
    // TypeScript names a class by a type_identifier; `new Walker()` then uses it as a value.
    else if (node.type === 'type_identifier' && node.parent && javascriptNamedDeclarations.has(node.parent.type) && isField(node.parent, node, 'name')) bound.add(node.text);
    else if (node.type === 'shorthand_property_identifier') used.add(node.text);
    else if (node.type === 'identifier') {
      const parent = node.parent;
      if (parent?.type === 'call_expression' && node.text === 'require') module = true;
      if (parent?.type === 'export_specifier' && isField(parent, node, 'alias')) return;
      const tag = parent?.type === 'jsx_opening_element' || parent?.type === 'jsx_closing_element' || parent?.type === 'jsx_self_closing_element';
      if (tag && /^[a-z]/.test(node.text)) return;
      if (javascriptBinds(node)) bound.add(node.text);
      else used.add(node.text);
    }
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return { used, bound, closed: module, globals: javascriptGlobals };
};

const collectPython: Collector = (root) => {
  const used = new Set<string>();
  const bound = new Set<string>();
  let starImport = false;
  const visit = (node: Node, binding: boolean): void => {
    switch (node.type) {
      case 'wildcard_import':
        starImport = true;
        return;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'case_pattern':
        for (const child of node.namedChildren) visit(child, true);
        return;
      case 'type':
        return;
      case 'identifier':
        // `globals().update(...)` binds names the file does not spell, like a star import.
        if (node.text === 'globals' && node.parent?.type === 'call') starImport = true;
        (binding ? bound : used).add(node.text);
        return;
      case 'attribute': {
        const object = node.childForFieldName('object');
        if (object) visit(object, false);
        return;
      }
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        if (value) visit(value, false);
        return;
      }
    }
    for (const child of node.namedChildren) {
      const parent = node;
      const binds =
        binding ||
        ((parent.type === 'function_definition' || parent.type === 'class_definition') && isField(parent, child, 'name')) ||
        parent.type === 'parameters' ||
        parent.type === 'lambda_parameters' ||
        ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && isField(parent, child, 'name')) ||
        (parent.type === 'typed_parameter' && child.type !== 'type') ||
        parent.type === 'list_splat_pattern' ||
        parent.type === 'dictionary_splat_pattern' ||
        parent.type === 'as_pattern_target' ||
        parent.type === 'pattern_list' ||
        parent.type === 'tuple_pattern' ||
        parent.type === 'list_pattern' ||
        ((parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause') &&
          isField(parent, child, 'left')) ||
        (parent.type === 'named_expression' && isField(parent, child, 'name'));
      // The value of a default parameter is an expression even inside a parameter list.
      const inDefaultValue = (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') && isField(parent, child, 'value');
      visit(child, binds && !inDefaultValue);
    }
  };
  visit(root, false);
  return { used, bound, closed: !starImport, globals: pythonBuiltins };
};

const factsByLanguage: Partial<Record<LanguageId, Collector>> = {
  javascript: collectJavascript,
  typescript: collectJavascript,
  tsx: collectJavascript,
  python: collectPython,
};
