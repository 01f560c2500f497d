import type { OutputCheckName } from './check-result.js';
import type { CheckVerdict } from './check-result.js';
import { checkDefines } from './defines-check.js';
import { checkEditFormat } from './edit-format-check.js';
import { checkElision } from './elision-check.js';
import { checkFences } from './fence-check.js';
import { checkGeneratedFile } from './generated-file-check.js';
import { checkNewlines } from './newline-convention.js';
import { checkNoOp } from './no-op-check.js';
import type { ProposedFile } from './proposed-file.js';
import { checkReferences } from './references-check.js';
import { checkScope } from './scope-check.js';
import { checkShrinkage } from './shrinkage-check.js';
import { checkSyntax } from './syntax-check.js';
import { checkTalking } from './talking-check.js';
import { checkTruncation } from './truncation-check.js';
import { checkWrongFile } from './wrong-file-check.js';

export type { ProposedFile } from './proposed-file.js';
export { restoreNewlineConvention } from './newline-convention.js';

export interface OutputCheckReport {
  passed: OutputCheckName[];
  failure?: { check: OutputCheckName; message: string; feedback: string };
}

/**
 * In the order: cheap and most telling first, so the feedback names the real problem.
 * The language-free checks (talking, edit-format, elision, wrong-file, shrinkage, no-op,
 * newlines) run on every file, whatever its kind or grammar.
 */
const checks: [OutputCheckName, (file: ProposedFile) => CheckVerdict | Promise<CheckVerdict>][] = [
  ['generated', checkGeneratedFile],
  ['fences', checkFences],
  ['talking', checkTalking],
  ['edit-format', checkEditFormat],
  ['truncation', checkTruncation],
  ['elision', checkElision],
  ['wrong-file', checkWrongFile],
  ['shrinkage', checkShrinkage],
  ['syntax', checkSyntax],
  ['defines', checkDefines],
  ['references', checkReferences],
  ['scope', checkScope],
  ['no-op', checkNoOp],
  ['newlines', checkNewlines],
];

/** Runs every check on one reply and stops at the first failure. */
export async function checkProposedFile(file: ProposedFile): Promise<OutputCheckReport> {
  const passedChecks: OutputCheckName[] = [];
  for (const [name, check] of checks) {
    const verdict = await check(file);
    if (!verdict.ok) return { passed: passedChecks, failure: { check: name, message: verdict.message, feedback: verdict.feedback } };
    passedChecks.push(name);
  }
  return { passed: passedChecks };
}
