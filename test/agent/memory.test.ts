import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readsAsFollowUp, readsAsUndo } from '../../src/agent/memory.js';

const undoCases: [string, boolean][] = [
  ['undo', true],
  ['undo the last change', true],
  ['Please revert what you did to auth.js', true],
  ['roll back that change', true],
  ['revert your last commit', true],
  ['revert fetchUser to use GET', false],
  ['undo-proof the retry loop in fetchUser', false],
  ['add an undo button to the editor', false],
];
for (const [request, expected] of undoCases) {
  test(`readsAsUndo(${JSON.stringify(request)}) is ${expected}`, () => assert.is(readsAsUndo(request), expected));
}

const followUpCases: [string, boolean][] = [
  ['also add jitter', true],
  ['now make it configurable', true],
  ['log the retries too', true],
  ['make it configurable', false],
  ['add retry to fetchUser', false],
];
for (const [request, expected] of followUpCases) {
  test(`readsAsFollowUp(${JSON.stringify(request)}) is ${expected}`, () => assert.is(readsAsFollowUp(request), expected));
}

test.run();
