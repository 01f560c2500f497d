import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkProposedFile, type ProposedFile } from '../../../src/guard/output-checks.js';
import { kindCases, type KindCase } from '../../fixtures/file-kind-replies.js';

function proposed(kindCase: KindCase, reply: string): ProposedFile {
  return {
    path: kindCase.path,
    original: kindCase.original,
    proposed: reply,
    instruction: kindCase.instruction,
    doneReason: 'stop',
    intendedSymbols: kindCase.symbols,
    mayRemoveSymbols: false,
    otherFiles: [],
  };
}

for (const kindCase of kindCases) {
  for (const good of kindCase.good) {
    test(`${kindCase.kind} (${kindCase.path}): a good reply passes: ${good.name}`, async () => {
      const report = await checkProposedFile(proposed(kindCase, good.proposed));
      assert.is(report.failure, undefined, report.failure?.message);
    });
  }
  for (const damaged of kindCase.damaged.filter((damage) => damage.owner === 'kind')) {
    test(`${kindCase.kind} (${kindCase.path}): damage is refused: ${damaged.name}`, async () => {
      const report = await checkProposedFile(proposed(kindCase, damaged.proposed));
      assert.ok(report.failure, `landed: ${damaged.name}`);
      assert.ok(report.failure!.message.startsWith(kindCase.path), report.failure!.message);
      assert.ok(report.failure!.feedback.length > 20);
    });
  }
}

test.run();
