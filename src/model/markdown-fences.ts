/**
 * Finds fenced code blocks in a model reply, following CommonMark's fence rules: an opening
 * fence is three or more backticks or tildes indented by at most three spaces, and only a fence
 * of the same character and at least the same length closes it. That is what lets a reply carry
 * a Markdown file or a template string that itself contains triple backticks.
 */
export interface FencedBlock {
  /** The info string after the opening fence, trimmed: "js", "python title=a.py", "". */
  info: string;
  /** The lines between the fences, without line terminators. */
  lines: string[];
  /** False when the reply ended before a closing fence: the reply was cut off. */
  closed: boolean;
  /** The non-blank prose lines between the previous block (or the start) and this one. */
  proseAbove: string[];
}

export interface FenceScan {
  blocks: FencedBlock[];
  /** Non-blank prose lines before the first fence. */
  leadingProse: string[];
  /** Non-blank prose lines after the last fence. */
  trailingProse: string[];
}

const openingFencePattern = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const closingFencePattern = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function scanFencedBlocks(text: string): FenceScan {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const blocks: FencedBlock[] = [];
  let prose: string[] = [];
  let leadingProse: string[] | undefined;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const opening = openingFencePattern.exec(line);
    const fence = opening?.[2];
    const info = opening?.[3] ?? '';
    // CommonMark: a backtick fence's info string may not contain a backtick (that is inline code).
    if (!opening || fence === undefined || (fence.startsWith('`') && info.includes('`'))) {
      if (line.trim() !== '') prose.push(line);
      index += 1;
      continue;
    }
    leadingProse ??= prose;
    const indent = opening[1]!.length;
    const content: string[] = [];
    let closed = false;
    index += 1;
    while (index < lines.length) {
      const candidate = lines[index]!;
      index += 1;
      const closing = closingFencePattern.exec(candidate);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) {
        closed = true;
        break;
      }
      content.push(candidate);
    }
    blocks.push({ info: info.trim(), lines: removeFenceIndent(content, indent), closed, proseAbove: prose });
    prose = [];
  }
  return { blocks, leadingProse: leadingProse ?? prose, trailingProse: blocks.length > 0 ? prose : [] };
}

/**
 * CommonMark strips up to the fence's indent from every line, which would shift code whose own
 * indentation is not a multiple of it. Only an indent shared by every line is the model's.
 */
function removeFenceIndent(lines: string[], indent: number): string[] {
  if (indent === 0) return lines;
  const prefix = ' '.repeat(indent);
  const everyLineIndented = lines.every((line) => line.trim() === '' || line.startsWith(prefix));
  if (!everyLineIndented) return lines;
  return lines.map((line) => (line.startsWith(prefix) ? line.slice(indent) : line.trimStart()));
}
