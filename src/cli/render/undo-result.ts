import type { UndoResult } from '../../git/undo.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import type { CommandContext } from '../command-context.js';

export function printUndoResult(context: CommandContext, result: UndoResult): void {
  const { output } = context;
  if (context.json) {
    output.json(result);
    return;
  }
  const short = result.undone.slice(0, 7);
  const branch = terminalSafeLine(result.branch);
  if (result.kind === 'branch-moved-back') {
    output.line(result.branchDeleted ? `Undid ${short} and deleted ${branch}.` : `Undid ${short}; ${branch} moved back one commit.`);
    output.info(`To get it back: ${result.recovery}`);
  } else {
    output.line(`${short} is already in your branch, so nothing was rewritten: a revert is proposed as ${result.commit.slice(0, 7)} on ${branch}.`);
    output.info('Review it with git litecode show, take it with git litecode apply.');
  }
}
