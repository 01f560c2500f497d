import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

const fenceLine = /^\s*(```|~~~)/;

/**
 * The model layer strips fences; this catches what it missed (a fence left at either end)
 * unless the original file itself has a fence line there, as Markdown may.
 */
export function checkFences(file: ProposedFile): CheckVerdict {
  if (/\.(md|markdown|mdx|rst)$/i.test(file.path)) return passed;
  const lines = file.proposed.split('\n').filter((line) => line.trim() !== '');
  const originalFences = new Set((file.original ?? '').split('\n').filter((line) => fenceLine.test(line)).map((line) => line.trim()));
  const stray = [lines[0], lines.at(-1)].find((line) => line !== undefined && fenceLine.test(line) && !originalFences.has(line.trim()));
  if (stray === undefined) return passed;
  return failed(
    `${file.path}: the reply still contains a markdown fence (${stray.trim()})`,
    `Your reply contained a markdown fence line "${stray.trim()}". Reply with ${expectedReply(file)} as raw code: no \`\`\` lines, no explanation.`,
  );
}
