/**
 * Gives model-written content the line endings and final newlines of the file it replaces, so
 * the commit's diff shows the model's change and nothing else. A new (or empty) file has no
 * conventions yet and gets LF and one final newline.
 */
export function applyFileConventions(content: string, original?: string): string {
  const source = original === undefined || original === '' ? undefined : original;
  const lineEnding = source === undefined ? '\n' : dominantLineEnding(source);
  const finalNewlines = source === undefined ? 1 : countFinalNewlines(source);
  const startsBlank = source !== undefined && /^[ \t]*\r?\n/.test(source);
  let body = content.replace(/\r\n/g, '\n').replace(/(?:\n[ \t]*)+$/, '');
  if (!startsBlank) body = body.replace(/^(?:[ \t]*\n)+/, '');
  return body.replace(/\n/g, lineEnding) + lineEnding.repeat(body === '' ? 0 : finalNewlines);
}

/** CRLF when most line breaks are CRLF; a file with no line break at all counts as LF. */
function dominantLineEnding(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const all = text.match(/\n/g)?.length ?? 0;
  return crlf > all - crlf ? '\r\n' : '\n';
}

function countFinalNewlines(text: string): number {
  return /(?:\r?\n)*$/.exec(text)![0].replace(/\r/g, '').length;
}
