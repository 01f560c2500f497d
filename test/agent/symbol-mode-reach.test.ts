import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { partOutsideSymbols } from '../../src/agent/symbol-mode-reach.js';
import { outlineSymbols } from '../../src/syntax/outline.js';

const source = `import { clamp } from './math';

export class Inventory {
  add(item) {
    this.items.push(item);
  }
}

export function adjust(sku, delta) {
  return clamp(delta, 0, 10);
}
`;

const cases: { title: string; instruction: string; named: string[]; others?: string[]; outside: boolean }[] = [
  { title: 'a change inside the function', instruction: 'Cap delta at 100 and throw on a negative sku.', named: ['adjust'], outside: false },
  { title: 'a new local or parameter named in code style', instruction: 'Add a `maxDelta` parameter and use it instead of 10.', named: ['adjust'], outside: false },
  { title: 'a name the file already imports', instruction: 'Use clamp for the lower bound too.', named: ['adjust'], outside: false },
  { title: 'a new method inside a named class', instruction: 'Add a method remove(sku) to Inventory.', named: ['Inventory'], outside: false },
  { title: '"add a helper X and use it"', instruction: 'Add a helper clampDelta and use it from adjust.', named: ['adjust'], outside: true },
  { title: '"create a new function"', instruction: 'Create a new function to validate the sku and call it in adjust.', named: ['adjust'], outside: true },
  { title: 'an explicit import', instruction: 'Import round from ./math and round the result.', named: ['adjust'], outside: true },
  { title: '"add an import"', instruction: 'Add an import for the logger and log each call.', named: ['adjust'], outside: true },
  { title: 'a name another task of the plan defines', instruction: 'Use clampQuantity in adjust.', named: ['adjust'], others: ['Add and export clampQuantity(value) to src/math.ts.'], outside: true },
  { title: 'a new name no other task mentions (left to the references check)', instruction: 'Use clampQuantity in adjust.', named: ['adjust'], outside: false },
  { title: '"imports" as a plain word', instruction: 'Count the failed imports of users in adjust.', named: ['adjust'], outside: false },
];

for (const { title, instruction, named, others, outside } of cases) {
  test(`symbol mode reach: ${outside ? 'outside' : 'inside'}: ${title}`, async () => {
    const found = partOutsideSymbols({ instruction, fileText: source, symbols: await outlineSymbols('src/inventory.ts', source), namedSymbols: named, otherInstructions: others ?? [] });
    assert.is(found !== undefined, outside, found ?? 'nothing found outside');
  });
}

test.run();
