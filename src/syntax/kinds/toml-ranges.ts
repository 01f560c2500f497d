/**
 * Where each key and table of a TOML file sits, for the outline (smol-toml reports no positions).
 * A table runs from its header to the next header; a key from its line to the next key or header
 * (so a multi-line array goes with its key). A table defined only through deeper headers
 * (`tool` in `[tool.black]`) spans those headers. Keys are joined with NUL.
 */
export function tomlRanges(text: string): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const end = text.length;
  type Mark = { line: number; path: string[]; header: boolean };
  const marks: Mark[] = [];
  let table: string[] = [];
  let inMultiline = false;
  lines.forEach((line, index) => {
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    const wasInside = inMultiline;
    if (quotes % 2 === 1) inMultiline = !inMultiline;
    if (wasInside) return;
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header) {
      table = splitTomlKey(header[1]!);
      marks.push({ line: index, path: table, header: true });
      return;
    }
    const key = /^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/.exec(line);
    if (key) marks.push({ line: index, path: [...table, ...splitTomlKey(key[1]!)], header: false });
  });
  const headers = new Set(marks.filter((mark) => mark.header).map((mark) => mark.path.join('\u0000')));
  const extend = (id: string, range: [number, number]) => {
    const known = ranges.get(id);
    ranges.set(id, known ? [Math.min(known[0], range[0]), Math.max(known[1], range[1])] : range);
  };
  marks.forEach((mark, index) => {
    const next = mark.header ? marks.slice(index + 1).find((candidate) => candidate.header) : marks[index + 1];
    const range: [number, number] = [starts[mark.line]!, next ? starts[next.line]! : end];
    extend(mark.path.join('\u0000'), range);
    // A table with no header of its own (`tool` in `[tool.black]`) spans what lies under it.
    for (let length = 1; length < mark.path.length; length++) {
      const parent = mark.path.slice(0, length).join('\u0000');
      if (!headers.has(parent)) extend(parent, range);
    }
  });
  return ranges;
}

function splitTomlKey(key: string): string[] {
  return (key.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^["']|["']$/g, ''));
}
