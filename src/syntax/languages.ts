import { extname } from 'node:path/posix';

/** Languages with a tree-sitter grammar in @vscode/tree-sitter-wasm; the id is the grammar's file name. */
export type LanguageId =
  | 'javascript'
  | 'typescript'
  | 'tsx'
  | 'python'
  | 'go'
  | 'rust'
  | 'java'
  | 'ruby'
  | 'php'
  | 'css'
  | 'bash'
  | 'c-sharp'
  | 'cpp';

const languageByExtension: Record<string, LanguageId> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python',
  '.pyi': 'python',
  '.go': 'go',
  '.rs': 'rust',
  '.java': 'java',
  '.rb': 'ruby',
  '.php': 'php',
  '.css': 'css',
  '.sh': 'bash',
  '.bash': 'bash',
  '.cs': 'c-sharp',
  // C is parsed with the C++ grammar: close enough for outlines, and the syntax check only
  // compares against the original's own parse, so C-only constructs never cause a false refusal.
  '.c': 'cpp',
  '.h': 'cpp',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.hh': 'cpp',
  '.hpp': 'cpp',
  '.hxx': 'cpp',
};

export function languageForPath(path: string): LanguageId | undefined {
  return languageByExtension[extname(path).toLowerCase()];
}
