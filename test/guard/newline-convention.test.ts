import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkNewlines, newlineConvention, restoreNewlineConvention } from '../../src/guard/newline-convention.js';
import { proposedFile } from './proposed-file-fixture.js';

test('convention: CRLF, LF, mixed, final newline, byte-order mark', () => {
  assert.equal(newlineConvention('a\r\nb\r\n'), { lineEnding: '\r\n', finalNewline: true, byteOrderMark: false });
  assert.equal(newlineConvention('a\nb'), { lineEnding: '\n', finalNewline: false, byteOrderMark: false });
  assert.equal(newlineConvention('a\r\nb\n'), { lineEnding: undefined, finalNewline: true, byteOrderMark: false });
  assert.equal(newlineConvention('\uFEFFa'), { lineEnding: undefined, finalNewline: false, byteOrderMark: true });
});

const restoreCases: { title: string; original: string | undefined; proposed: string; restored: string }[] = [
  { title: 'LF reply to a CRLF file becomes CRLF', original: 'a\r\nb\r\n', proposed: 'a\nc\n', restored: 'a\r\nc\r\n' },
  { title: 'a missing final newline is added back', original: 'a\nb\n', proposed: 'a\nc', restored: 'a\nc\n' },
  { title: 'a final newline the original lacked is removed', original: 'a\nb', proposed: 'a\nc\n', restored: 'a\nc' },
  { title: 'CRLF without final newline', original: 'a\r\nb', proposed: 'a\nc\n', restored: 'a\r\nc' },
  { title: 'the byte-order mark is kept', original: '\uFEFFa\nb\n', proposed: 'a\nc\n', restored: '\uFEFFa\nc\n' },
  { title: 'a byte-order mark the original lacked is dropped', original: 'a\n', proposed: '\uFEFFc\n', restored: 'c\n' },
  { title: 'a mixed original keeps the reply as is, apart from the final newline', original: 'a\r\nb\n', proposed: 'a\nc', restored: 'a\nc\n' },
  { title: 'a new file is left as written', original: undefined, proposed: 'a\r\nb', restored: 'a\r\nb' },
];

for (const { title, original, proposed, restored } of restoreCases) {
  test(`restore: ${title}`, () => {
    const result = restoreNewlineConvention(original, proposed);
    assert.is(result, restored);
    assert.ok(checkNewlines(proposedFile({ original, proposed: result })).ok, 'a restored reply passes the check');
  });
}

const checkCases: { title: string; original: string; proposed: string; problem: RegExp }[] = [
  { title: 'LF in a CRLF file', original: 'a\r\nb\r\n', proposed: 'a\nc\n', problem: /CRLF throughout/ },
  { title: 'one LF line among CRLF lines', original: 'a\r\nb\r\n', proposed: 'a\r\nc\nd\r\n', problem: /CRLF throughout/ },
  { title: 'CRLF in an LF file', original: 'a\nb\n', proposed: 'a\r\nc\r\n', problem: /LF throughout/ },
  { title: 'lost final newline', original: 'a\nb\n', proposed: 'a\nc', problem: /should end with a newline/ },
  { title: 'added final newline', original: 'a\nb', proposed: 'a\nc\n', problem: /should not end with a newline/ },
  { title: 'lost byte-order mark', original: '\uFEFFa\n', proposed: 'c\n', problem: /byte-order mark/ },
];

for (const { title, original, proposed, problem } of checkCases) {
  test(`check: ${title} fails`, () => {
    const verdict = checkNewlines(proposedFile({ original, proposed }));
    assert.is(verdict.ok, false);
    if (!verdict.ok) {
      assert.match(verdict.message, /^src\/auth\.js: the reply changed the file's newline convention/);
      assert.match(verdict.feedback, problem);
    }
  });
}

test.run();
