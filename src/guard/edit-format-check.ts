import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

interface Leak {
  what: string;
  test: (line: string) => boolean;
}

/** Lines that belong to an edit format (a merge conflict, aider's SEARCH/REPLACE, a unified diff), never to a file. */
const leaks: Leak[] = [
  { what: 'a SEARCH/REPLACE block', test: (line) => /^<{5,}\s*SEARCH\b/i.test(line) || /^>{5,}\s*REPLACE\b/i.test(line) },
  { what: 'a conflict marker', test: (line) => /^<{7}(?:\s|$)/.test(line) || /^>{7}(?:\s|$)/.test(line) },
  { what: 'a unified-diff hunk header', test: (line) => /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/.test(line) },
  { what: 'a diff file header', test: (line) => /^(?:--- (?:a\/|\/dev\/null)|\+\+\+ (?:b\/|\/dev\/null)|diff --git )/.test(line) },
];

/** `=======` is also a setext heading underline, so it counts only next to the other markers. */
const separator = /^={7}\s*$/;

const proseFile = /\.(?:md|markdown|mdx|rst|txt|adoc)$/i;
const fenceLine = /^\s{0,3}(?:```|~~~)/;

/**
 * Edit-format leakage: conflict markers, SEARCH/REPLACE blocks, unified-diff headers and hunks,
 * or a leading line that only names the file ("package.json", "// src/app.js", "File: x"),
 * in a reply whose original holds no such line. In prose files, lines inside code fences are
 * examples, not leakage.
 */
export function checkEditFormat(file: ProposedFile): CheckVerdict {
  const originalLines = new Set((file.original ?? '').split(/\r?\n/).map((line) => line.trimEnd()));
  const lines = file.proposed.split(/\r?\n/).map((line) => line.trimEnd());
  const skipFences = proseFile.test(file.path);
  let inFence = false;
  let markerSeen = false;
  for (const [index, line] of lines.entries()) {
    if (skipFences && fenceLine.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || originalLines.has(line)) continue;
    const leak = leaks.find((candidate) => candidate.test(line));
    if (leak) return leaked(file, leak.what, line, index);
    if (separator.test(line)) markerSeen = true;
  }
  if (markerSeen && lines.some((line) => /^(?:<{5,}|>{5,})/.test(line) && !originalLines.has(line))) {
    const index = lines.findIndex((line) => separator.test(line));
    return leaked(file, 'a conflict marker', lines[index]!, index);
  }
  const nameLine = leadingFileNameLine(file);
  if (nameLine !== undefined) {
    return failed(
      `${file.path}: the reply starts with a line naming the file (${JSON.stringify(nameLine.trim())}), which is not part of it`,
      `The first line of your reply, ${JSON.stringify(nameLine.trim())}, names the file; it is not part of ${file.path}. Reply with ${expectedReply(file)} starting with its real first line.`,
    );
  }
  return passed;
}

function leaked(file: ProposedFile, what: string, line: string, index: number): CheckVerdict {
  const shown = JSON.stringify(line.trim().slice(0, 60));
  return failed(
    `${file.path}: the reply contains ${what} at line ${index + 1} (${shown}) instead of the edited file`,
    `Your reply contains ${what} at line ${index + 1}: ${shown}. Do not send a diff, conflict markers or SEARCH/REPLACE blocks. Reply with ${expectedReply(file)}, the whole file as it should be.`,
  );
}

/**
 * The first non-blank line only names a file: the target's path or name, bare, after "File:",
 * or as a comment (`// src/app.js`, `# app.py`, `<!-- index.html -->`). The original starting
 * with the same line (some files do carry their own path) makes it part of the file.
 */
function leadingFileNameLine(file: ProposedFile): string | undefined {
  const first = file.proposed.split(/\r?\n/).find((line) => line.trim() !== '');
  if (first === undefined) return undefined;
  const originalFirst = (file.original ?? '').split(/\r?\n/).find((line) => line.trim() !== '');
  if (originalFirst !== undefined && originalFirst.trim() === first.trim()) return undefined;
  if ((file.original ?? '').split(/\r?\n/).some((line) => line.trim() === first.trim())) return undefined;
  const bare = first
    .trim()
    .replace(/^(?:\/\/+|#+|--|;+|\/\*+|<!--|%+)\s*/, '')
    .replace(/\s*(?:\*+\/|-->)$/, '')
    .replace(/^[*_`]+|[*_`:]+$/g, '')
    .replace(/^(?:file(?:name)?|path)\s*:\s*/i, '')
    .replace(/^[*_`]+|[*_`]+$/g, '')
    .trim();
  if (bare === '' || /\s/.test(bare)) return undefined;
  const target = file.path.replace(/\\/g, '/');
  const mention = bare.replace(/\\/g, '/').replace(/^\.\//, '');
  const namesTarget = mention === target || target.endsWith(`/${mention}`) || mention.endsWith(`/${target}`);
  return namesTarget ? first : undefined;
}
