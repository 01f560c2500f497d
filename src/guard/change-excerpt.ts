import { diffLines } from 'diff';

/**
 * The lines a reply added or removed, as `-`/`+` lines (at most `maxLines`): fed back to the
 * model on a retry, so it sees exactly what it must put back rather than a name alone.
 */
export function changedLinesExcerpt(before: string, after: string, maxLines = 8): string {
  const lines: string[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    const sign = part.added ? '+' : '-';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push(`${sign} ${line}`);
  }
  if (lines.length <= maxLines) return lines.join('\n');
  return [...lines.slice(0, maxLines), `(${lines.length - maxLines} more changed lines)`].join('\n');
}
