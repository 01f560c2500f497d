import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spliceSymbol } from '../../src/agent/symbol-splice.js';

const text = 'class A {\n  one() {\n    return 1;\n  }\n\n  two() {}\n}\n';
const one = { startIndex: text.indexOf('one()'), endIndex: text.indexOf('  }\n') + 3 };

const cases: [string, string, string][] = [
  ['a reply without the indentation', 'one() {\n    return 2;\n  }', 'class A {\n  one() {\n    return 2;\n  }\n\n  two() {}\n}\n'],
  ['a reply that repeats the indentation', '  one() {\n    return 2;\n  }', 'class A {\n  one() {\n    return 2;\n  }\n\n  two() {}\n}\n'],
  ['trailing newlines in the reply', 'one() {\n    return 2;\n  }\n\n', 'class A {\n  one() {\n    return 2;\n  }\n\n  two() {}\n}\n'],
];

for (const [name, replacement, expected] of cases) {
  test(`spliceSymbol: ${name}`, () => {
    assert.is(spliceSymbol(text, one, replacement), expected);
  });
}

test('spliceSymbol leaves everything outside the range byte-identical', () => {
  const result = spliceSymbol(text, one, 'one() { return 3; }');
  assert.is(result.slice(0, one.startIndex), text.slice(0, one.startIndex));
  assert.ok(result.endsWith(text.slice(one.endIndex)));
});

test.run();
