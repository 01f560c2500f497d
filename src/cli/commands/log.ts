import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface LogArguments extends GlobalArguments {
  limit: number;
}

/** `-n x` parses as NaN, which must be refused, not passed on as a limit nothing ever reaches. */
function wholeNumber(value: number): number {
  if (!Number.isFinite(value)) throw new Error('--limit (-n) takes a whole number, e.g. -n 5');
  return value;
}

export const logCommand: CommandModule<GlobalArguments, LogArguments> = {
  ...commandText.log,
  builder: (yargs) => yargs.option('limit', { alias: 'n', type: 'number', default: 20, describe: 'Show at most this many commits', coerce: wholeNumber }),
  handler: async (argv) => (await import('../actions/list-agent-commits.js')).listAgentCommitsCommand(argv),
};
