import { basename, extname } from 'node:path/posix';
import { languageForPath, type LanguageId } from '../languages.js';
import { generatedFileFor, type GeneratedFile } from './generated-files.js';

/**
 * What a file is, from its path alone: the one place that decides which checks a file gets.
 * Name rules come before extension rules (a `Dockerfile.dev` is a Dockerfile, a
 * `package-lock.json` is generated, a `tsconfig.json` is JSONC).
 */
export type DataDialect = 'json' | 'jsonc' | 'yaml' | 'toml' | 'ini' | 'xml' | 'html';
export type ProseDialect = 'markdown' | 'rst' | 'text';
export type BuildDialect = 'makefile' | 'dockerfile';

export type FileKind =
  | { family: 'code'; language: LanguageId }
  | { family: 'data'; dialect: DataDialect }
  | { family: 'prose'; dialect: ProseDialect }
  | { family: 'build'; dialect: BuildDialect }
  | { family: 'generated'; generated: GeneratedFile }
  | { family: 'unknown' };

/** Data dialects whose content is a tree of keys, so key paths name parts of it. */
export const keyedDialects: ReadonlySet<DataDialect> = new Set(['json', 'jsonc', 'yaml', 'toml', 'ini']);

const jsoncNames = new Set([
  'jsconfig.json',
  'devcontainer.json',
  '.devcontainer.json',
  '.eslintrc.json',
  '.eslintrc',
  '.babelrc',
  '.babelrc.json',
  '.swcrc',
  '.jshintrc',
  '.jscsrc',
  'api-extractor.json',
  'tslint.json',
  'deno.json',
  'deno.jsonc',
  'biome.json',
  'biome.jsonc',
  'turbo.json',
  'language-configuration.json',
  'typedoc.json',
]);

const dataByExtension: Record<string, DataDialect> = {
  '.json': 'json',
  '.webmanifest': 'json',
  '.har': 'json',
  '.jsonc': 'jsonc',
  '.json5': 'jsonc',
  '.code-workspace': 'jsonc',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.ini': 'ini',
  '.cfg': 'ini',
  '.conf': 'ini',
  '.properties': 'ini',
  '.editorconfig': 'ini',
  '.xml': 'xml',
  '.svg': 'xml',
  '.xsd': 'xml',
  '.xsl': 'xml',
  '.xslt': 'xml',
  '.plist': 'xml',
  '.csproj': 'xml',
  '.fsproj': 'xml',
  '.vbproj': 'xml',
  '.props': 'xml',
  '.targets': 'xml',
  '.resx': 'xml',
  '.xaml': 'xml',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'xml',
};

const dataByName: Record<string, DataDialect> = {
  '.editorconfig': 'ini',
  '.gitconfig': 'ini',
  '.npmrc': 'ini',
  '.flake8': 'ini',
  '.pylintrc': 'ini',
  pylintrc: 'ini',
  '.coveragerc': 'ini',
  '.pypirc': 'ini',
  'pom.xml': 'xml',
  '.clang-format': 'yaml',
  '.clang-tidy': 'yaml',
  // Prettier reads it as JSON or YAML; YAML holds both (a JSON .prettierrc parses as YAML too).
  '.prettierrc': 'yaml',
};

const proseByExtension: Record<string, ProseDialect> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.rst': 'rst',
  '.txt': 'text',
  '.text': 'text',
};

/** README, CHANGELOG, LICENSE and friends without an extension are plain text. */
const proseNames = /^(readme|changelog|changes|history|license|licence|copying|authors|contributors|notice|todo|news)$/i;

export function fileKindFor(path: string): FileKind {
  const name = basename(path);
  const lowerName = name.toLowerCase();
  const extension = extname(lowerName);
  const generated = generatedFileFor(path);
  if (generated) return { family: 'generated', generated };
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || extension === '.mk' || extension === '.mak') {
    return { family: 'build', dialect: 'makefile' };
  }
  if (/^(dockerfile|containerfile)([.-].*)?$/i.test(name) || extension === '.dockerfile' || extension === '.containerfile') {
    return { family: 'build', dialect: 'dockerfile' };
  }
  if (isJsonc(path, lowerName)) return { family: 'data', dialect: 'jsonc' };
  if (Object.hasOwn(dataByName, lowerName)) return { family: 'data', dialect: dataByName[lowerName]! };
  const language = languageForPath(path);
  if (language) return { family: 'code', language };
  if (Object.hasOwn(dataByExtension, extension)) return { family: 'data', dialect: dataByExtension[extension]! };
  if (Object.hasOwn(proseByExtension, extension)) return { family: 'prose', dialect: proseByExtension[extension]! };
  if (extension === '' && proseNames.test(name)) return { family: 'prose', dialect: 'text' };
  return { family: 'unknown' };
}

/** tsconfig*.json, jsconfig, .vscode/*.json, devcontainer.json, .eslintrc.json and the like: JSON that allows comments. */
function isJsonc(path: string, lowerName: string): boolean {
  if (jsoncNames.has(lowerName)) return true;
  if (/^tsconfig([.-].*)?\.json$/.test(lowerName)) return true;
  if (lowerName.endsWith('.json') && /(^|\/)(\.vscode|\.devcontainer|\.theia)\//.test(path)) return true;
  return false;
}

/** A short, stable name for the kind: the outline cache keys on it, and messages use it. */
export function kindLabel(kind: FileKind): string {
  switch (kind.family) {
    case 'code':
      return kind.language;
    case 'data':
    case 'prose':
    case 'build':
      return kind.dialect;
    case 'generated':
      return 'generated';
    case 'unknown':
      return 'text';
  }
}

/** Human names for messages: "JSON", "YAML", "Markdown". */
export function dialectName(kind: FileKind): string {
  const names: Record<string, string> = {
    json: 'JSON',
    jsonc: 'JSON with comments',
    yaml: 'YAML',
    toml: 'TOML',
    ini: 'INI',
    xml: 'XML',
    html: 'HTML',
    markdown: 'Markdown',
    rst: 'reStructuredText',
    text: 'plain text',
    makefile: 'Makefile',
    dockerfile: 'Dockerfile',
  };
  return names[kindLabel(kind)] ?? kindLabel(kind);
}
