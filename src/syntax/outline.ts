import type { Node } from 'web-tree-sitter';
import { languageForPath, type LanguageId } from './languages.js';
import { outlineRules, type OutlineRules, type SymbolKind } from './outline-rules.js';
import { withSyntaxTree } from './parse-source.js';
import { plainTextSymbols } from './plain-text-outline.js';
import { kindOutline } from './kinds/kind-outline.js';

export type { SymbolKind } from './outline-rules.js';

export interface CodeSymbol {
  name: string;
  kind: SymbolKind;
  /** The class (or type, module, trait) a member belongs to; undefined for top-level symbols. */
  container: string | undefined;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Character offsets in the text (JavaScript string indices). */
  startIndex: number;
  endIndex: number;
  /** The declaration up to its body, whitespace collapsed, at most 200 characters. */
  signature: string;
}

const maxSignatureLength = 200;

/**
 * Top-level declarations and class members of a file. Data files get key paths, prose files
 * headings; other languages without a grammar get a plain-text outline (kind 'other', one-line ranges).
 */
export async function outlineSymbols(path: string, text: string): Promise<CodeSymbol[]> {
  const language = languageForPath(path);
  // Data files list key paths and prose files their headings, so a plan can name them.
  if (!language) return (await kindOutline(path, text)) ?? plainTextSymbols(text);
  return withSyntaxTree(language, text, (tree) => new OutlineWalker(language, text).walkTopLevel(tree.rootNode));
}

/** Accepts "name", "name()", "Class.method", "Class#method" or "Class::method". Top-level symbols win over members. */
export function findSymbol(symbols: CodeSymbol[], name: string): CodeSymbol | undefined {
  const wanted = name.trim().replace(/\(\s*\)$/, '');
  const qualified = /^(.+?)(?:\.|#|::)([^.#:]+)$/.exec(wanted);
  if (qualified) {
    const [, container, member] = qualified;
    const found = symbols.find((symbol) => symbol.container === container && symbol.name === member);
    if (found) return found;
  }
  return (
    symbols.find((symbol) => symbol.name === wanted && symbol.container === undefined) ??
    symbols.find((symbol) => symbol.name === wanted)
  );
}

class OutlineWalker {
  private readonly rules: OutlineRules;
  private readonly symbols: CodeSymbol[] = [];

  constructor(
    private readonly language: LanguageId,
    private readonly text: string,
  ) {
    this.rules = outlineRules[language];
  }

  walkTopLevel(root: Node): CodeSymbol[] {
    this.walkStatements(root.namedChildren);
    return this.symbols.sort((left, right) => left.startIndex - right.startIndex);
  }

  private walkStatements(statements: Node[]): void {
    for (const statement of statements) this.walkStatement(statement, statement);
  }

  /** `span` is the outermost node of the declaration (an export or decorator wrapper), which the symbol covers. */
  private walkStatement(node: Node, span: Node): void {
    const { rules } = this;
    if (rules.wrappers.has(node.type)) {
      const inner = this.wrappedDeclaration(node);
      if (inner) this.walkStatement(inner, span);
      else if (node.type === 'export_statement' && node.childForFieldName('value')) {
        this.add('default', 'other', undefined, span, node);
      }
      return;
    }
    if (rules.namespaces.has(node.type)) {
      const name = node.childForFieldName('name')?.text;
      if (name) this.add(name, 'module', undefined, span, node);
      const body = node.childForFieldName('body') ?? node.namedChildren.find((child) => /block|body|declaration_list/.test(child.type));
      if (body) this.walkStatements(body.namedChildren);
      return;
    }
    if (rules.memberBlocks.has(node.type)) {
      const typeName = node.childForFieldName('type')?.text.replace(/<.*$/s, '');
      if (typeName) this.walkMembers(node, typeName);
      return;
    }
    if (rules.variableStatements.has(node.type)) {
      this.walkVariables(node, span);
      return;
    }
    const kind = rules.declarations[node.type];
    if (!kind) return;
    const named = this.declarationName(node);
    if (!named) {
      if (span.type === 'export_statement') this.add('default', kind, undefined, span, node);
      return;
    }
    const symbolKind = kind === 'function' && named.container ? 'method' : kind;
    this.add(named.name, this.refineKind(node, symbolKind), named.container, span, node);
    if (rules.containers.has(node.type)) this.walkMembers(node, named.name);
  }

  private wrappedDeclaration(wrapper: Node): Node | undefined {
    const field = wrapper.childForFieldName('declaration') ?? wrapper.childForFieldName('definition');
    if (field) return field;
    const value = wrapper.childForFieldName('value');
    if (value && this.rules.declarations[value.type]) return value;
    return wrapper.namedChildren.findLast((child) => this.rules.declarations[child.type] !== undefined || this.rules.variableStatements.has(child.type));
  }

  private walkMembers(declaration: Node, container: string): void {
    const body =
      declaration.childForFieldName('body') ??
      declaration.namedChildren.find((child) => /body|block|declaration_list/.test(child.type));
    if (!body) return;
    for (const child of body.namedChildren) {
      const member = this.rules.wrappers.has(child.type) ? this.wrappedDeclaration(child) : child;
      if (!member) continue;
      const kind = this.rules.members[member.type];
      if (!kind) continue;
      if (kind === 'variable' && member.type === 'expression_statement') {
        for (const variable of this.variableNames(member)) this.add(variable.name, 'variable', container, child, member);
        continue;
      }
      const named = this.declarationName(member);
      if (named) this.add(named.name, kind, container, child, member);
    }
  }

  private walkVariables(statement: Node, span: Node): void {
    if (this.language === 'go' && statement.type === 'type_declaration') {
      const specs = statement.namedChildren.filter((child) => this.rules.declarations[child.type]);
      for (const spec of specs) this.walkStatement(spec, specs.length === 1 ? span : spec);
      return;
    }
    if (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'internal_module') {
      this.walkStatement(statement.namedChildren[0], span);
      return;
    }
    const variables = this.variableNames(statement);
    for (const variable of variables) {
      const range = variables.length === 1 ? span : variable.node;
      this.add(variable.name, this.valueKind(variable.value), undefined, range, variable.value ?? variable.node);
    }
  }

  private variableNames(statement: Node): { name: string; node: Node; value: Node | undefined }[] {
    const found: { name: string; node: Node; value: Node | undefined }[] = [];
    const identifierLike = /^(identifier|constant|variable_name)$/;
    switch (statement.type) {
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const declarator of statement.namedChildren) {
          const name = declarator.childForFieldName('name');
          if (declarator.type === 'variable_declarator' && name?.type === 'identifier') {
            found.push({ name: name.text, node: declarator, value: declarator.childForFieldName('value') ?? undefined });
          }
        }
        break;
      case 'const_declaration':
      case 'var_declaration':
        // `var ( a = 1; b = 2 )` nests its specs in a list.
        for (const spec of statement.namedChildren.flatMap((child) => (child.type.endsWith('_spec_list') ? child.namedChildren : [child]))) {
          for (const name of spec.childrenForFieldName('name')) {
            if (name) found.push({ name: name.text, node: spec, value: undefined });
          }
        }
        break;
      case 'expression_statement':
      case 'assignment':
      case 'variable_assignment': {
        const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : statement;
        if (!assignment || !/assignment/.test(assignment.type)) break;
        const left = assignment.childForFieldName('left') ?? assignment.childForFieldName('name');
        const value = assignment.childForFieldName('right') ?? assignment.childForFieldName('value') ?? undefined;
        if (left && identifierLike.test(left.type)) found.push({ name: left.text, node: assignment, value });
        else if (left?.type === 'member_expression') {
          // CommonJS exports: `module.exports.name = …` and `exports.name = …`.
          const object = left.childForFieldName('object')?.text;
          const property = left.childForFieldName('property')?.text;
          if (property && (object === 'module.exports' || object === 'exports')) found.push({ name: property, node: assignment, value });
        }
        break;
      }
    }
    return found;
  }

  private valueKind(value: Node | undefined): SymbolKind {
    if (!value) return 'variable';
    if (/^(arrow_function|function_expression|function|generator_function|lambda)$/.test(value.type)) return 'function';
    if (value.type === 'class') return 'class';
    return 'variable';
  }

  private refineKind(node: Node, kind: SymbolKind): SymbolKind {
    if (this.language === 'go' && node.type === 'type_spec') {
      const type = node.childForFieldName('type')?.type;
      if (type === 'interface_type') return 'interface';
    }
    return kind;
  }

  private declarationName(node: Node): { name: string; container: string | undefined } | undefined {
    if (this.language === 'go' && node.type === 'method_declaration') {
      const receiverType = node.childForFieldName('receiver')?.descendantsOfType('type_identifier')[0]?.text;
      const name = node.childForFieldName('name')?.text;
      return name ? { name, container: receiverType } : undefined;
    }
    if (this.language === 'css') {
      const selector = node.type === 'rule_set' ? node.namedChildren[0] : node.namedChildren.find((child) => child.type === 'keyframes_name');
      return selector ? { name: selector.text.replace(/\s+/g, ' ').trim(), container: undefined } : undefined;
    }
    const name = node.childForFieldName('name') ?? node.childForFieldName('property');
    if (name) return { name: name.text, container: undefined };
    const declarator = node.childForFieldName('declarator');
    if (declarator) return this.declaratorName(declarator);
    return undefined;
  }

  /** C and C++ hide a function's name inside nested declarators: `int *C::get(int)`. */
  private declaratorName(declarator: Node): { name: string; container: string | undefined } | undefined {
    let current: Node | null = declarator;
    while (current) {
      if (current.type === 'qualified_identifier') {
        const scope = current.childForFieldName('scope')?.text;
        const name = current.childForFieldName('name')?.text;
        return name ? { name, container: scope } : undefined;
      }
      if (/^(identifier|field_identifier|type_identifier|destructor_name|operator_name)$/.test(current.type)) {
        return { name: current.text, container: undefined };
      }
      current = current.childForFieldName('declarator');
    }
    return undefined;
  }

  private add(name: string, kind: SymbolKind, container: string | undefined, span: Node, declaration: Node): void {
    this.symbols.push({
      name,
      kind,
      container,
      startLine: span.startPosition.row + 1,
      endLine: span.endPosition.row + 1,
      startIndex: span.startIndex,
      endIndex: span.endIndex,
      signature: this.signature(span, declaration),
    });
  }

  private signature(span: Node, declaration: Node): string {
    const body = declaration.childForFieldName('body');
    const end = body && body.startIndex > span.startIndex ? body.startIndex : this.text.indexOf('\n', span.startIndex);
    const raw = this.text.slice(span.startIndex, end === -1 ? span.endIndex : Math.min(end, span.endIndex));
    const collapsed = raw.replace(/\s+/g, ' ').trim();
    return collapsed.length > maxSignatureLength ? `${collapsed.slice(0, maxSignatureLength - 3)}...` : collapsed;
  }
}
