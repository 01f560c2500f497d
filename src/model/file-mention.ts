/**
 * How a model reply names a file: a label line above a fence (`### src/a.js`), the fence's info
 * string (```` ```js title=src/a.js ````), or a comment on the first line inside it (`// src/a.js`).
 */

/** Whether a path named in a reply refers to the target; `path/to/src/a.js` and `a.js` both name `src/a.js`. */
export function namesTarget(mentioned: string, targetPath: string): boolean {
  const mention = normalizePath(mentioned);
  const target = normalizePath(targetPath);
  return mention === target || mention.endsWith(`/${target}`) || target.endsWith(`/${mention}`);
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

const pathToken = /^\/?[\w@~+.-]+(?:\/[\w@~+.-]+)*$/;
const extension = /\.[A-Za-z][A-Za-z0-9_+-]{0,9}$/;

/** A single token that can only be a file path: it has a directory or an extension. */
export function looksLikePath(token: string, targetPath: string): boolean {
  const cleaned = normalizePath(token);
  if (!pathToken.test(cleaned) || /^\.*$/.test(cleaned) || cleaned.endsWith('.')) return false;
  return cleaned.includes('/') || extension.test(cleaned) || namesTarget(cleaned, targetPath);
}

/**
 * The file a prose line above a fence names, if it clearly names one: the whole line is a path
 * (with Markdown decoration or a "File:" prefix), or it is a lead-in ending in ":" that mentions
 * exactly one path. A sentence like "Here's the Node.js version:" names no file.
 */
export function fileNamedByLabelLine(line: string, targetPath: string): string | undefined {
  const bare = stripDecoration(line);
  if (looksLikePath(bare, targetPath)) return bare;
  if (!stripEmphasis(line.trim()).endsWith(':')) return undefined;
  const mentions = new Set<string>();
  for (const match of line.matchAll(/`([^`\s]+)`/g)) {
    if (looksLikePath(match[1]!, targetPath)) mentions.add(match[1]!);
  }
  for (const word of line.replace(/`[^`]*`/g, ' ').split(/\s+/)) {
    const token = word.replace(/^[("'*_]+|[)"'*_:,.;]+$/g, '');
    if ((token.includes('/') || namesTarget(token, targetPath)) && looksLikePath(token, targetPath)) mentions.add(token);
  }
  return mentions.size === 1 ? [...mentions][0] : undefined;
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_`]+|[*_`]+$/g, '').trim();
}

function stripDecoration(line: string): string {
  let text = line.trim().replace(/^>\s*/, '').replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, '');
  text = stripEmphasis(text).replace(/:$/, '');
  text = stripEmphasis(text).replace(/^(?:file(?:name)?|path)\s*:\s*/i, '');
  return stripEmphasis(text);
}

/** The file a fence's info string names: ```` ```src/a.js ````, ```` ```js:src/a.js ````, ```` ```js title="src/a.js" ````. */
export function fileNamedByInfo(info: string, targetPath: string): string | undefined {
  const [first = '', ...rest] = info.split(/\s+/);
  const afterColon = first.includes(':') ? first.slice(first.indexOf(':') + 1) : undefined;
  if (afterColon && looksLikePath(afterColon, targetPath)) return afterColon;
  if (first.includes('.') || first.includes('/')) {
    if (looksLikePath(first, targetPath)) return first;
  }
  for (const token of rest) {
    const attribute = /^(?:title|file|filename|path|name)=["']?([^"']+)["']?$/i.exec(token);
    const candidate = attribute?.[1] ?? token;
    if ((attribute || candidate.includes('/') || extension.test(candidate)) && looksLikePath(candidate, targetPath)) {
      return candidate;
    }
  }
  return undefined;
}

/** The language word of a fence's info string, lower-cased: "```Python title=x" → "python". */
export function languageOfInfo(info: string): string | undefined {
  const first = info.split(/\s+/)[0]?.replace(/^\{?\.?/, '').replace(/\}$/, '').split(':')[0]?.toLowerCase();
  if (!first || first.includes('/') || /\.[a-z]/.test(first)) return undefined;
  return first;
}

/** The file a comment (or a bare path) on the first line inside a fence names: `// src/a.js`, `# a.py`, `<!-- a.html -->`. */
export function fileNamedByFirstLine(line: string, targetPath: string): string | undefined {
  const comment = /^\s*(?:\/\/+|#+|--|;+|%+|\/\*+|<!--)\s*(?:(?:file(?:name)?|path)\s*:\s*)?(\S+?)\s*(?:\*+\/|-->)?\s*$/i.exec(line);
  const candidate = comment?.[1] ?? (/^\s*(\S+)\s*$/.exec(line)?.[1] ?? '');
  if (candidate === '' || !(candidate.includes('/') || extension.test(candidate))) return undefined;
  return looksLikePath(candidate, targetPath) ? candidate : undefined;
}

const languageWordsByExtension: Record<string, readonly string[]> = {
  js: ['js', 'javascript', 'jsx', 'node', 'mjs', 'cjs', 'es6'],
  mjs: ['js', 'javascript', 'mjs', 'node'],
  cjs: ['js', 'javascript', 'cjs', 'node'],
  jsx: ['jsx', 'js', 'javascript', 'react'],
  ts: ['ts', 'typescript'],
  mts: ['ts', 'typescript', 'mts'],
  cts: ['ts', 'typescript', 'cts'],
  tsx: ['tsx', 'ts', 'typescript', 'react'],
  py: ['py', 'python', 'python3'],
  go: ['go', 'golang'],
  rs: ['rs', 'rust'],
  java: ['java'],
  rb: ['rb', 'ruby'],
  php: ['php'],
  css: ['css'],
  scss: ['scss', 'sass', 'css'],
  sh: ['sh', 'bash', 'shell', 'zsh'],
  bash: ['bash', 'sh', 'shell'],
  cs: ['cs', 'csharp', 'c#'],
  cpp: ['cpp', 'c++', 'cxx'],
  cc: ['cpp', 'c++', 'cc'],
  hpp: ['cpp', 'c++', 'hpp'],
  h: ['c', 'cpp', 'c++', 'h'],
  c: ['c'],
  json: ['json', 'jsonc', 'json5'],
  yaml: ['yaml', 'yml'],
  yml: ['yaml', 'yml'],
  toml: ['toml'],
  md: ['md', 'markdown'],
  markdown: ['md', 'markdown'],
  mdx: ['mdx', 'md', 'markdown'],
  html: ['html', 'htm'],
  sql: ['sql'],
};

/** Whether a fence's language word agrees with the target file's type (undefined when either is unknown). */
export function languageAgreesWithPath(language: string, targetPath: string): boolean | undefined {
  const words = languageWordsByExtension[extensionOf(targetPath)];
  if (!words) return undefined;
  return words.includes(language);
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const shellLanguages = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'terminal', 'shell-session', 'powershell', 'ps1', 'cmd', 'bat']);

/** A "run it with" block: tagged as a shell, or every line a `$ command` prompt. */
export function isShellBlock(language: string | undefined, lines: string[]): boolean {
  if (language !== undefined) return shellLanguages.has(language);
  const nonBlank = lines.filter((line) => line.trim() !== '');
  return nonBlank.length > 0 && nonBlank.every((line) => /^\s*\$ /.test(line));
}

/** A block tagged as a diff: the model sent a change, not the file we asked for. */
export function isDiffBlock(language: string | undefined, targetPath: string): boolean {
  return (language === 'diff' || language === 'patch') && !['diff', 'patch'].includes(extensionOf(targetPath));
}

export function isShellFile(targetPath: string): boolean {
  return ['sh', 'bash', 'zsh', 'ps1', 'cmd', 'bat'].includes(extensionOf(targetPath));
}

/** Files whose own text is Markdown, where a fence in the reply may belong to the file. */
export function isMarkdownFile(targetPath: string): boolean {
  return ['md', 'markdown', 'mdx', 'rst', 'txt'].includes(extensionOf(targetPath));
}
