import type { ProseDialect } from './file-kind.js';
import { lineStartOffsets } from './line-offsets.js';

/**
 * A prose file cut at its headings. Each section holds its heading line and its own text up to
 * the next heading of any level; `parents` are the headings it sits under. Text before the first
 * heading is a section with an empty heading. Markdown headings (ATX `## Usage` and setext
 * `Usage\n=====`) come from the marked lexer, so a `#` line inside a code fence is not a heading.
 */
export interface ProseSection {
  heading: string;
  level: number;
  parents: string[];
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  startIndex: number;
  endIndex: number;
}

export async function proseSections(dialect: ProseDialect, text: string): Promise<ProseSection[]> {
  const headings = dialect === 'markdown' ? await markdownHeadings(text) : dialect === 'rst' ? rstHeadings(text) : [];
  const lineStarts = lineStartOffsets(text);
  const lineCount = text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length;
  const sections: ProseSection[] = [];
  const stack: { heading: string; level: number }[] = [];
  const offsetOfLine = (line: number) => (line - 1 < lineStarts.length ? lineStarts[line - 1]! : text.length);
  if (headings.length === 0 || headings[0]!.line > 1) {
    const endLine = (headings[0]?.line ?? lineCount + 1) - 1;
    if (endLine >= 1) sections.push({ heading: '', level: 0, parents: [], startLine: 1, endLine, startIndex: 0, endIndex: offsetOfLine(endLine + 1) });
  }
  headings.forEach((heading, index) => {
    while (stack.length > 0 && stack.at(-1)!.level >= heading.level) stack.pop();
    const endLine = (headings[index + 1]?.line ?? lineCount + 1) - 1;
    sections.push({
      heading: heading.text,
      level: heading.level,
      parents: stack.map((parent) => parent.heading),
      startLine: heading.line,
      endLine: Math.max(endLine, heading.line),
      startIndex: offsetOfLine(heading.line),
      endIndex: offsetOfLine(Math.max(endLine, heading.line) + 1),
    });
    stack.push({ heading: heading.text, level: heading.level });
  });
  return sections;
}

interface Heading {
  text: string;
  level: number;
  /** 1-based line where the heading starts. */
  line: number;
}

/** marked loads on first use: runs that meet no Markdown file never pay for it. */
async function markdownHeadings(text: string): Promise<Heading[]> {
  const { marked } = await import('marked');
  const headings: Heading[] = [];
  let line = 1;
  for (const token of marked.lexer(text.replace(/\r\n?/g, '\n'))) {
    // Leading blank lines are folded into the token before; a heading's raw starts at the heading itself.
    if (token.type === 'heading') headings.push({ text: token.text.trim(), level: token.depth, line });
    line += (token.raw.match(/\n/g) ?? []).length;
  }
  return headings;
}

const rstAdornment = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;

/** reStructuredText titles: a line underlined (and optionally overlined) by one repeated punctuation character. */
function rstHeadings(text: string): Heading[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const styles: string[] = [];
  const headings: Heading[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const title = lines[index]!;
    const under = lines[index + 1]!;
    if (!title.trim() || /^\s/.test(title) || rstAdornment.test(title) || !rstAdornment.test(under)) continue;
    if (under.trim().length < title.trim().length) continue;
    const over = index > 0 && lines[index - 1]!.trim() === under.trim();
    const style = `${over ? 'over' : ''}${under.trim()[0]}`;
    if (!styles.includes(style)) styles.push(style);
    headings.push({ text: title.trim(), level: styles.indexOf(style) + 1, line: over ? index : index + 1 });
    index++;
  }
  return headings;
}

/** How a plan names a section: `Usage`, `## Usage`, or the path `Install > Linux`; case and `#` marks aside. */
export function normaliseHeading(name: string): string {
  return name
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/\s+#+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The sections a name picks out: by heading text, or by a `Parent > Child` path. */
export function sectionsNamed(sections: ProseSection[], name: string): ProseSection[] {
  const parts = name.split('>').map(normaliseHeading).filter(Boolean);
  if (parts.length === 0) return [];
  const last = parts.at(-1)!;
  return sections.filter((section) => {
    if (section.heading === '' || normaliseHeading(section.heading) !== last) return false;
    const parents = section.parents.map(normaliseHeading);
    return parts.slice(0, -1).every((part) => parents.includes(part));
  });
}
