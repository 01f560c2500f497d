import { dialectName, fileKindFor, keyedDialects } from '../syntax/kinds/file-kind.js';
import type { CodeSymbol } from '../syntax/outline.js';

/**
 * Every instruction the agent gives a model. Short, concrete sentences: 7B models follow
 * those best. The code checks every reply anyway, so nothing here is load-bearing for safety.
 */

export const planSystemPrompt = `You plan changes to a git repository for a coding agent. Reply with one JSON object and nothing else.
Shape: {"kind": "edit" | "question" | "undo", "synthesis": "<one sentence, past tense, naming the function and file, at most 120 characters>", "tasks": [{"file": "<path from the repository map>", "action": "modify" | "create" | "delete" | "rename" | "read", "symbols": ["<existing function or class names the task touches or reads>"], "new_name": "<only for rename>", "instruction": "<one full sentence saying exactly what to change>"}]}
Rules:
- kind "question" when the user asks something (how many, what does, where is, why); then tasks only "read" the files needed to answer. Never edit for a question.
- kind "undo" when the user asks to undo or revert a previous change.
- Use only files listed in the repository map, except for "create".
- "symbols" lists only names that already exist in that file. Leave it empty for new code.
- For JSON, YAML, TOML and INI files "symbols" are key paths, such as "scripts.test" or "project.version" (a new key may go under an existing one); for Markdown and reST, section headings. Other files: none.
- Renaming a function or class is one task with action "rename", the symbol, and "new_name". Do not list the other files that use it.
- One task per file.`;

export const editSystemPrompt = `You edit exactly one file of a code repository.
Reply with the complete new content of that file and nothing else: no explanation, no markdown fences.
Keep every line you are not asked to change exactly as it is.
Never write placeholders such as "// ... existing code ..." or "rest unchanged": write out the whole file.`;

export const createSystemPrompt = `You write exactly one new file of a code repository.
Reply with the complete content of that file and nothing else: no explanation, no markdown fences.`;

export const symbolSystemPrompt = `You edit exactly one function or class of a code repository.
Reply with the complete new source of that one symbol and nothing else: no explanation, no markdown fences, no other code from the file.
Never write placeholders such as "// ... existing code ...".`;

export const answerSystemPrompt = `You answer questions about a code repository. You cannot change files.
Answer briefly and concretely, using the facts and file contents given. The facts were computed by code and are exact: prefer them over counting yourself.`;

/** A file's outline for a prompt: one `start-end: signature` line per symbol. */
export function outlineBlock(symbols: readonly CodeSymbol[]): string {
  return symbols.map((symbol) => `${symbol.startLine}-${symbol.endLine}: ${symbol.signature}`).join('\n');
}

export function fileBlock(path: string, content: string): string {
  return `----- begin ${path} -----\n${content}${content.endsWith('\n') || content === '' ? '' : '\n'}----- end ${path} -----`;
}

export function retryNote(feedback: string): string {
  return `\n\nYour previous reply was rejected by an automatic check: ${feedback}\nReply again with the complete content, fixing exactly that.`;
}

/** What an edit of a data, prose or build file must keep, in one sentence; undefined for code and unknown kinds. */
export function kindEditNote(path: string): string | undefined {
  const kind = fileKindFor(path);
  const name = dialectName(kind);
  if (kind.family === 'data' && keyedDialects.has(kind.dialect)) {
    const strict = kind.dialect === 'json' ? ' Strict JSON: no comments, no trailing commas.' : '';
    return `${path} is ${name}: keep every other key, value, comment and the key order exactly as they are.${strict}`;
  }
  if (kind.family === 'data') return `${path} is ${name}: keep it well-formed (close every element you open) and every other element exactly as it is.`;
  if (kind.family === 'prose' && kind.dialect !== 'text') return `${path} is ${name}: keep every other section, heading and line exactly as it is.`;
  if (kind.family === 'build' && kind.dialect === 'makefile') return `${path} is a Makefile: recipe lines start with a tab character, never spaces.`;
  if (kind.family === 'build') return `${path} is a Dockerfile: every line is an instruction, a comment or a continuation of one.`;
  return undefined;
}
