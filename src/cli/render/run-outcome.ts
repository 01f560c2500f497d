import type { RunOutcome } from '../../agent/run-request.js';
import type { CommandContext } from '../command-context.js';
import { terminalSafeLine, terminalSafeText } from '../../text/terminal-safe-text.js';
import { printUndoResult } from './undo-result.js';

const actionLetter = { modify: 'M', create: 'A', delete: 'D', rename: 'R', read: ' ' } as const;

export function printRunOutcome(context: CommandContext, outcome: RunOutcome): void {
  const { output } = context;
  if (context.json) {
    output.json(outcome.kind === 'undo' ? { kind: 'undo', undo: outcome.result } : outcome);
    return;
  }
  switch (outcome.kind) {
    case 'question':
      output.line(terminalSafeText(outcome.answer));
      for (const facts of outcome.facts) output.verbose(`${terminalSafeLine(facts.path)}: ${facts.lineCount} lines, ${facts.byteCount} bytes`);
      return;
    case 'undo':
      printUndoResult(context, outcome.result);
      return;
    case 'edit': {
      const short = outcome.commit.slice(0, 7);
      output.line(`${output.paint('bold', `[${terminalSafeLine(outcome.branch)} ${short}]`)} ${terminalSafeLine(outcome.synthesis)}`);
      if (outcome.notStackedBecause) output.line(`  (started ${terminalSafeLine(outcome.branch)}: ${terminalSafeLine(outcome.notStackedBecause)})`);
      if (outcome.stacked) output.info(`  (follow-up stacked on ${outcome.parent.slice(0, 7)})`);
      for (const file of outcome.files) {
        const checks = file.checks.length ? output.paint('dim', ` [${terminalSafeLine(file.checks.join(' '))}]`) : '';
        output.line(`  ${actionLetter[file.action]} ${terminalSafeLine(file.path)}: ${terminalSafeLine(file.summary)}${checks}`);
        if (file.retriedAfter) output.info(`      first reply refused by the ${terminalSafeLine(file.retriedAfter)} check; the retry passed`);
      }
      for (const missing of outcome.missing) {
        output.line(`  ${output.paint('red', '!')} ${terminalSafeLine(missing.path)}: left out (${terminalSafeLine(missing.check)}: ${terminalSafeLine(missing.message)})`);
      }
      for (const path of outcome.mentionsLeft) output.info(`  ${output.paint('yellow', '?')} ${terminalSafeLine(path)}: mentions the old name but is not code; left unchanged`);
      if (outcome.diffstat) output.info(`\n${terminalSafeText(outcome.diffstat)}`);
      output.info('');
      output.info('Next:');
      output.info(`  git litecode show     review the change`);
      output.info(`  git litecode apply    take it into your branch`);
      output.info(`  git litecode undo     throw it away`);
      return;
    }
  }
}
