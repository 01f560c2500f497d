import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hasControlCharacters, terminalSafeJson, terminalSafeLine, terminalSafeText } from '../../src/text/terminal-safe-text.js';

const hostile = [
  '\x1b[2J\x1b[H', // clear screen, cursor home
  '\x1b[31;1m', // colour
  '\x1b]0;pwned\x07', // OSC window title, BEL-terminated
  '\x1b]8;;http://evil.example\x1b\\', // OSC 8 hyperlink, ST-terminated
  '\x9b2J', // 8-bit CSI
  '\x9d0;title\x9c', // 8-bit OSC
  '\x1bP+q\x1b\\', // DCS
  '\x1bc', // reset
  '\x1b(B', // charset
  '\x07\x08\x0b\x0c\x0e\x7f\x85', // bell, backspace, VT, FF, SO, DEL, NEL
  '\u202e\u2066\u2069', // bidi override and isolates
];

test('every escape sequence is removed whole, not just its ESC byte', () => {
  for (const sequence of hostile) {
    const cleaned = terminalSafeLine(`before${sequence}after`);
    assert.is(cleaned, 'beforeafter', JSON.stringify(sequence));
    assert.not.ok(hasControlCharacters(cleaned));
  }
});

test('multi-line text keeps its lines and tabs; one-line fields turn them into spaces', () => {
  assert.is(terminalSafeText('line one\r\n\tline two\x1b[2J\nthree'), 'line one\n\tline two\nthree');
  assert.is(terminalSafeLine('a\nb\tc\r\nd'), 'a b c d');
});

test('an unterminated title stops at the end of its line instead of eating the answer', () => {
  assert.is(terminalSafeText('\x1b]0;title\nthe answer'), '\nthe answer');
});

test('ordinary text, including non-Latin scripts and emoji, is unchanged', () => {
  const text = 'Added retry to fetchUser — 重试 ✓ 🎉 [2J is fine without ESC';
  assert.is(terminalSafeLine(text), text);
  assert.not.ok(hasControlCharacters(text));
  assert.ok(hasControlCharacters('a\nb'));
});

test('JSON keeps every character but escapes C1 and bidi controls', () => {
  const value = { text: 'a\x1b[2Jb\x9bc\u202ed' };
  const json = terminalSafeJson(value);
  assert.not.match(json, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  assert.equal(JSON.parse(json), value);
});

test.run();
