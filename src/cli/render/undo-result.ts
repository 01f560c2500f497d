import type { UndoResult } from '../../git/undo.js';
import type { CommandContext } from '../command-context.js';

export function printUndoResult(context: CommandContext, result: UndoResult): void {
  const { output } = context;
  if (context.json) {
    output.json(result);
    return;
  }
  const short = result.undone.slice(0, 7);
  if (result.kind === 'branch-moved-back') {
    output.line(result.branchDeleted ? `Undid ${short} and deleted ${result.branch}.` : `Undid ${short}; ${result.branch} moved back one commit.`);
    output.info(`To get it back: ${result.recovery}`);
  } else {
    output.line(`${short} is already in your branch, so nothing was rewritten: a revert is proposed as ${result.commit.slice(0, 7)} on ${result.branch}.`);
    output.info('Review it with git litecode show, take it with git litecode apply.');
  }
}
