/**
 * Text written by a model (or read back from a commit anyone could have made) is data, never
 * terminal commands. Before it reaches a terminal, a commit message or a trailer it loses:
 * - escape sequences, whole: CSI (`ESC [ … final`, or the 8-bit U+009B), OSC/DCS/SOS/PM/APC
 *   strings up to their terminator (BEL or ST), and two-byte `ESC x` sequences;
 * - every other C0 control (U+0000–U+001F) but newline and tab where several lines are
 *   legitimate, DEL (U+007F) and every C1 control (U+0080–U+009F);
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a line
 *   display in a different order than it reads ("Trojan Source").
 * Removing a sequence whole matters: dropping only the ESC byte would leave `[2J` or
 * `]0;title` behind in the text.
 */

// ESC or U+009B CSI, then parameter bytes, intermediate bytes and one final byte.
const csi = String.raw`(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?`;
// OSC, DCS, SOS, PM, APC (7-bit and 8-bit forms): a string up to BEL or ST, or else to the end
// of the line (an unterminated title must not swallow the rest of an answer).
const controlString = String.raw`(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?`;
// Any other escape: intermediates, then one final byte (e.g. ESC c, ESC ( B, ESC 7).
const otherEscape = String.raw`\u001b[\u0020-\u002f]*[\u0030-\u007e]?`;
const escapeSequence = new RegExp(`${csi}|${controlString}|${otherEscape}`, 'g');

const bidiControls = String.raw`\u202a-\u202e\u2066-\u2069`;
const controlsExceptLineBreaks = new RegExp(String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f${bidiControls}]`, 'g');
const anyControl = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${bidiControls}]`);

/** For text that may span lines (an answer, a request): keeps `\n` and `\t`; `\r\n` becomes `\n`. */
export function terminalSafeText(text: string): string {
  return text.replace(escapeSequence, '').replace(/\r\n?/g, '\n').replace(controlsExceptLineBreaks, '');
}

/** For one-line fields (a synthesis, a file name, a summary): line breaks and tabs become spaces. */
export function terminalSafeLine(text: string): string {
  return terminalSafeText(text).replace(/[\n\t]/g, ' ');
}

/** True when `text` holds anything terminalSafeLine would change or drop (a plan's path must not). */
export function hasControlCharacters(text: string): boolean {
  return anyControl.test(text);
}

/**
 * JSON for a terminal: lossless (every character survives as an escape) but with nothing a
 * terminal acts on. JSON.stringify already escapes C0; C1, DEL and bidi controls it would
 * print raw.
 */
export function terminalSafeJson(value: unknown, space?: number): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(
    new RegExp(String.raw`[\u007f-\u009f${bidiControls}]`, 'g'),
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
