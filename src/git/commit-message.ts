/**
 * The agent commit format. Agent commits are recognised by their trailers alone, so a fresh
 * clone or a new shell still knows them. Trailer values that could break the one-line trailer
 * syntax (newlines, leading quotes or spaces, control characters) are written as JSON strings;
 * everything else is written as is, so `git log` stays readable.
 */
import { hasControlCharacters, terminalSafeJson, terminalSafeLine, terminalSafeText } from '../text/terminal-safe-text.js';

export const agentCommitKinds = ['edit', 'followup', 'undo', 'suggest'] as const;
export type AgentCommitKind = (typeof agentCommitKinds)[number];

export interface AgentCommitMetadata {
  kind: AgentCommitKind;
  request: string;
  synthesis: string;
  provider: string;
  model: string;
  files: { path: string; summary: string }[];
  /** Names of the checks that passed (letters, digits, `_`, `.`, `-`). */
  checks: string[];
  /** Links the commit to its transcript records (trailer Litecode-Run). */
  runId?: string;
  /** For kind 'undo': the sha of the undone commit. */
  undoes?: string;
  /** Files left out with --keep-partial. */
  missing?: string[];
}

export const subjectLimit = 72;

const trailerKey = {
  kind: 'Litecode-Kind',
  request: 'Litecode-Request',
  synthesis: 'Litecode-Synthesis',
  file: 'Litecode-File',
  missing: 'Litecode-Missing',
  checks: 'Litecode-Checks',
  run: 'Litecode-Run',
  undoes: 'Litecode-Undoes',
  assistedBy: 'Assisted-by',
} as const;
const assistedByTool = 'git-litecode:';

/**
 * Model-written text (the synthesis, file names and summaries) loses every control character
 * and escape sequence before it is written anywhere in the message: it must not clear a
 * screen through `git log`; the raw text stays in the transcript. The request is the user's
 * own: the body shows it cleaned, and its trailer keeps it exactly, as JSON escapes where it
 * holds anything a terminal would act on.
 */
export function formatAgentCommitMessage(unsafe: AgentCommitMetadata): string {
  const meta = withTerminalSafeModelText(unsafe);
  const synthesisLine = collapseWhitespace(meta.synthesis);
  const subject = cutAtWordBoundary(synthesisLine || collapseWhitespace(terminalSafeLine(meta.request)) || 'git litecode change', subjectLimit);
  const paragraphs: string[] = [subject];
  if (synthesisLine && synthesisLine !== subject) paragraphs.push(synthesisLine);
  paragraphs.push(`Request: ${terminalSafeText(meta.request).trim().split('\n').join('\n  ')}`);
  if (meta.files.length > 0) {
    paragraphs.push(meta.files.map((file) => `- ${file.path}: ${collapseWhitespace(file.summary)}`).join('\n'));
  }
  if (meta.missing?.length) paragraphs.push(`Left out (--keep-partial): ${meta.missing.join(', ')}`);

  for (const check of meta.checks) {
    if (!/^[\w.-]+$/.test(check)) throw new Error(`check name ${JSON.stringify(check)} must be letters, digits, _, . or -`);
  }
  if (meta.provider.includes('/')) throw new Error(`provider ${JSON.stringify(meta.provider)} must not contain /`);
  const trailers: [string, string][] = [
    [trailerKey.kind, meta.kind],
    [trailerKey.request, encodeValue(meta.request)],
  ];
  if (subject !== meta.synthesis) trailers.push([trailerKey.synthesis, encodeValue(meta.synthesis)]);
  for (const file of meta.files) trailers.push([trailerKey.file, `${encodePath(file.path)}${file.summary ? ` ${encodeValue(file.summary)}` : ''}`]);
  for (const path of meta.missing ?? []) trailers.push([trailerKey.missing, encodePath(path)]);
  if (meta.checks.length > 0) trailers.push([trailerKey.checks, meta.checks.join(', ')]);
  if (meta.runId !== undefined) trailers.push([trailerKey.run, encodeValue(meta.runId)]);
  if (meta.undoes !== undefined) trailers.push([trailerKey.undoes, meta.undoes]);
  if (meta.provider || meta.model) trailers.push([trailerKey.assistedBy, `${assistedByTool}${meta.provider}/${meta.model}`]);
  paragraphs.push(trailers.map(([key, value]) => `${key}: ${value}`).join('\n'));
  return `${paragraphs.join('\n\n')}\n`;
}

/** undefined when `message` is not an agent commit (no Litecode-Kind/Litecode-Request trailers). */
export function parseAgentCommitMessage(message: string): AgentCommitMetadata | undefined {
  const trailers = parseTrailerBlock(message);
  const kind = trailers.find(([key]) => key === trailerKey.kind.toLowerCase())?.[1];
  const request = trailers.find(([key]) => key === trailerKey.request.toLowerCase())?.[1];
  if (!isAgentCommitKind(kind) || request === undefined) return undefined;
  const all = (key: string) => trailers.filter(([candidate]) => candidate === key.toLowerCase()).map(([, value]) => value);
  const one = (key: string) => all(key)[0];

  const synthesis = one(trailerKey.synthesis);
  const assistedBy = all(trailerKey.assistedBy).find((value) => value.startsWith(assistedByTool))?.slice(assistedByTool.length);
  const slash = assistedBy?.indexOf('/') ?? -1;
  const checks = one(trailerKey.checks);
  const runId = one(trailerKey.run);
  const undoes = one(trailerKey.undoes);
  const missing = all(trailerKey.missing).map((value) => splitPathValue(value).path);
  const metadata: AgentCommitMetadata = {
    kind,
    request: decodeValue(request),
    synthesis: synthesis === undefined ? (message.split('\n')[0] ?? '') : decodeValue(synthesis),
    provider: assistedBy === undefined ? '' : slash < 0 ? assistedBy : assistedBy.slice(0, slash),
    model: assistedBy === undefined || slash < 0 ? '' : assistedBy.slice(slash + 1),
    files: all(trailerKey.file).map((value) => {
      const { path, rest } = splitPathValue(value);
      return { path, summary: decodeValue(rest) };
    }),
    checks: checks ? checks.split(',').map((check) => check.trim()).filter(Boolean) : [],
  };
  if (runId !== undefined) metadata.runId = decodeValue(runId);
  if (undoes !== undefined) metadata.undoes = undoes;
  if (missing.length > 0) metadata.missing = missing;
  // A commit made by hand or by an older version may still hold escape sequences.
  return withTerminalSafeModelText(metadata);
}

/** The metadata with its model-written fields as formatAgentCommitMessage writes them. */
export function withTerminalSafeModelText(meta: AgentCommitMetadata): AgentCommitMetadata {
  const safe: AgentCommitMetadata = {
    ...meta,
    synthesis: terminalSafeLine(meta.synthesis),
    files: meta.files.map((file) => ({ path: terminalSafeLine(file.path), summary: terminalSafeLine(file.summary) })),
  };
  if (meta.missing !== undefined) safe.missing = meta.missing.map(terminalSafeLine);
  return safe;
}

function isAgentCommitKind(value: string | undefined): value is AgentCommitKind {
  return (agentCommitKinds as readonly (string | undefined)[]).includes(value);
}

/**
 * The last paragraph's `Key: value` lines (keys lower-cased, as git compares them
 * case-insensitively). Lines that are not trailers (e.g. cherry-pick -x notes) are skipped;
 * indented lines continue the previous value, as in git.
 */
function parseTrailerBlock(message: string): [string, string][] {
  const lines = message.replace(/\s+$/, '').split('\n');
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  if (start === 0) return []; // the subject paragraph is never a trailer block
  const trailers: [string, string][] = [];
  for (const line of lines.slice(start)) {
    const continuation = /^[ \t]+\S/.test(line) ? trailers[trailers.length - 1] : undefined;
    if (continuation) {
      continuation[1] += ` ${line.trim()}`;
      continue;
    }
    const match = /^([A-Za-z0-9-]+):[ \t]?(.*)$/.exec(line);
    if (match) trailers.push([match[1]!.toLowerCase(), match[2]!.replace(/[ \t]+$/, '')]);
  }
  return trailers;
}

/** Raw when it survives a trailer line and git's whitespace cleanup unchanged; else a JSON string. */
export function encodeValue(text: string): string {
  const safe = text !== '' && !text.startsWith('"') && !/^\s|\s$/.test(text) && !hasControlCharacters(text);
  return safe ? text : terminalSafeJson(text);
}

export function decodeValue(value: string): string {
  if (value.startsWith('"')) {
    try {
      const decoded: unknown = JSON.parse(value);
      if (typeof decoded === 'string') return decoded;
    } catch {
      // Not JSON after all: a hand-written trailer that starts with a quote.
    }
  }
  return value;
}

/** Paths are followed by a summary on the same line, so a path with whitespace is always quoted. */
function encodePath(path: string): string {
  return /[\s"]/.test(path) || hasControlCharacters(path) ? terminalSafeJson(path) : path;
}

function splitPathValue(value: string): { path: string; rest: string } {
  if (value.startsWith('"')) {
    const end = endOfJsonString(value);
    if (end > 0) {
      try {
        return { path: JSON.parse(value.slice(0, end)) as string, rest: value.slice(end).trimStart() };
      } catch {
        // fall through to the unquoted form
      }
    }
  }
  const space = value.indexOf(' ');
  return space < 0 ? { path: value, rest: '' } : { path: value.slice(0, space), rest: value.slice(space + 1) };
}

/** Index just past the closing quote of the JSON string that starts `value`, or -1. */
function endOfJsonString(value: string): number {
  for (let index = 1; index < value.length; index++) {
    if (value[index] === '\\') index++;
    else if (value[index] === '"') return index + 1;
  }
  return -1;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts at the last space within `limit` characters (code points), or hard at `limit` for one long word. */
export function cutAtWordBoundary(text: string, limit: number): string {
  const characters = [...text];
  if (characters.length <= limit) return text;
  const head = characters.slice(0, limit + 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  return lastSpace > 0 ? head.slice(0, lastSpace).trimEnd() : characters.slice(0, limit).join('');
}
