import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changedLinesExcerpt } from '../../src/guard/change-excerpt.js';

test('changedLinesExcerpt lists removed then added lines, unchanged ones left out', () => {
  assert.is(changedLinesExcerpt('a\nb\nc\n', 'a\nB\nc\n'), '- b\n+ B');
});

test('changedLinesExcerpt keeps at most maxLines and says how many more', () => {
  const before = Array.from({ length: 10 }, (_, index) => `line ${index}`).join('\n');
  assert.is(changedLinesExcerpt(before, '', 3), '- line 0\n- line 1\n- line 2\n(7 more changed lines)');
});

test.run();
