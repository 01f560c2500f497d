import type { LanguageId } from './languages.js';

export type SymbolKind = 'function' | 'class' | 'method' | 'variable' | 'type' | 'interface' | 'enum' | 'module' | 'other';

/**
 * What counts as a declaration in one grammar. The outline walker is the same for every
 * language; only these node-type tables differ.
 */
export interface OutlineRules {
  /** Top-level declaration node types and the kind of symbol each one is. */
  declarations: Record<string, SymbolKind>;
  /** Member node types inside a class-like body, and their kind. */
  members: Record<string, SymbolKind>;
  /** Nodes that wrap a declaration (`export …`, decorators, templates): the symbol spans the wrapper. */
  wrappers: ReadonlySet<string>;
  /** Declarations whose body holds members (methods) worth listing. */
  containers: ReadonlySet<string>;
  /** Blocks that only hold members of a type declared elsewhere (Rust `impl`): walked, not listed. */
  memberBlocks: ReadonlySet<string>;
  /** Namespaces whose body is walked as more top-level code. */
  namespaces: ReadonlySet<string>;
  /** Statements that declare variables: the walker asks `variableNames` for the names. */
  variableStatements: ReadonlySet<string>;
}

const javascriptRules: OutlineRules = {
  declarations: {
    function_declaration: 'function',
    generator_function_declaration: 'function',
    class_declaration: 'class',
    abstract_class_declaration: 'class',
    interface_declaration: 'interface',
    type_alias_declaration: 'type',
    enum_declaration: 'enum',
    class: 'class',
    function_expression: 'function',
    arrow_function: 'function',
  },
  members: {
    method_definition: 'method',
    method_signature: 'method',
    abstract_method_signature: 'method',
    public_field_definition: 'variable',
    field_definition: 'variable',
  },
  wrappers: new Set(['export_statement', 'ambient_declaration']),
  containers: new Set(['class_declaration', 'abstract_class_declaration', 'class']),
  memberBlocks: new Set(),
  namespaces: new Set(['internal_module', 'module']),
  variableStatements: new Set(['lexical_declaration', 'variable_declaration', 'expression_statement']),
};

const pythonRules: OutlineRules = {
  declarations: { function_definition: 'function', class_definition: 'class' },
  members: { function_definition: 'method', expression_statement: 'variable' },
  wrappers: new Set(['decorated_definition']),
  containers: new Set(['class_definition']),
  memberBlocks: new Set(),
  namespaces: new Set(),
  variableStatements: new Set(['expression_statement']),
};

const goRules: OutlineRules = {
  declarations: { function_declaration: 'function', method_declaration: 'method', type_spec: 'type', type_alias: 'type' },
  members: {},
  wrappers: new Set(),
  containers: new Set(),
  memberBlocks: new Set(),
  namespaces: new Set(),
  variableStatements: new Set(['const_declaration', 'var_declaration', 'type_declaration']),
};

const rustRules: OutlineRules = {
  declarations: {
    function_item: 'function',
    struct_item: 'type',
    union_item: 'type',
    enum_item: 'enum',
    trait_item: 'interface',
    type_item: 'type',
    const_item: 'variable',
    static_item: 'variable',
    mod_item: 'module',
    macro_definition: 'other',
  },
  members: { function_item: 'method', function_signature_item: 'method' },
  wrappers: new Set(),
  containers: new Set(['trait_item']),
  memberBlocks: new Set(['impl_item']),
  namespaces: new Set(),
  variableStatements: new Set(),
};

const javaRules: OutlineRules = {
  declarations: {
    class_declaration: 'class',
    record_declaration: 'class',
    interface_declaration: 'interface',
    annotation_type_declaration: 'interface',
    enum_declaration: 'enum',
  },
  members: {
    method_declaration: 'method',
    constructor_declaration: 'method',
    class_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
  },
  wrappers: new Set(),
  containers: new Set(['class_declaration', 'record_declaration', 'interface_declaration', 'enum_declaration']),
  memberBlocks: new Set(),
  namespaces: new Set(),
  variableStatements: new Set(),
};

const csharpRules: OutlineRules = {
  declarations: {
    class_declaration: 'class',
    struct_declaration: 'class',
    record_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
  },
  members: {
    method_declaration: 'method',
    constructor_declaration: 'method',
    property_declaration: 'variable',
  },
  wrappers: new Set(),
  containers: new Set(['class_declaration', 'struct_declaration', 'record_declaration', 'interface_declaration']),
  memberBlocks: new Set(),
  namespaces: new Set(['namespace_declaration', 'file_scoped_namespace_declaration']),
  variableStatements: new Set(),
};

const rubyRules: OutlineRules = {
  declarations: { method: 'function', singleton_method: 'function', class: 'class', module: 'module' },
  members: { method: 'method', singleton_method: 'method' },
  wrappers: new Set(),
  containers: new Set(['class', 'module']),
  memberBlocks: new Set(),
  namespaces: new Set(),
  variableStatements: new Set(['assignment']),
};

const phpRules: OutlineRules = {
  declarations: {
    function_definition: 'function',
    class_declaration: 'class',
    trait_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
  },
  members: { method_declaration: 'method' },
  wrappers: new Set(),
  containers: new Set(['class_declaration', 'trait_declaration', 'interface_declaration', 'enum_declaration']),
  memberBlocks: new Set(),
  namespaces: new Set(['namespace_definition']),
  variableStatements: new Set(),
};

const cppRules: OutlineRules = {
  declarations: {
    function_definition: 'function',
    class_specifier: 'class',
    struct_specifier: 'class',
    union_specifier: 'type',
    enum_specifier: 'enum',
    type_definition: 'type',
    alias_declaration: 'type',
    preproc_def: 'variable',
    preproc_function_def: 'function',
  },
  members: { function_definition: 'method' },
  wrappers: new Set(['template_declaration']),
  containers: new Set(['class_specifier', 'struct_specifier']),
  memberBlocks: new Set(),
  namespaces: new Set(['namespace_definition']),
  variableStatements: new Set(),
};

const cssRules: OutlineRules = {
  declarations: { rule_set: 'other', keyframes_statement: 'other' },
  members: {},
  wrappers: new Set(),
  containers: new Set(),
  memberBlocks: new Set(),
  namespaces: new Set(['media_statement']),
  variableStatements: new Set(),
};

const bashRules: OutlineRules = {
  declarations: { function_definition: 'function' },
  members: {},
  wrappers: new Set(),
  containers: new Set(),
  memberBlocks: new Set(),
  namespaces: new Set(),
  variableStatements: new Set(['variable_assignment']),
};

export const outlineRules: Record<LanguageId, OutlineRules> = {
  javascript: javascriptRules,
  typescript: javascriptRules,
  tsx: javascriptRules,
  python: pythonRules,
  go: goRules,
  rust: rustRules,
  java: javaRules,
  ruby: rubyRules,
  php: phpRules,
  css: cssRules,
  bash: bashRules,
  'c-sharp': csharpRules,
  cpp: cppRules,
};
