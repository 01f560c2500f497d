import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { modelFlagOptions, type ModelFlagArguments } from '../../config/model-flags.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface RunArguments extends GlobalArguments, ModelFlagArguments {
  request?: string[];
  snapshot?: boolean;
  newBranch?: boolean;
  keepPartial?: boolean;
  check?: string;
}

function builder(yargs: Argv) {
  return yargs
    .positional('request', { type: 'string', array: true, describe: 'What to change, or a question, in plain words' })
    .options(modelFlagOptions)
    .option('snapshot', { type: 'boolean', default: false, describe: 'Base the work on a snapshot of your uncommitted changes (git stash create) instead of HEAD; touches nothing' })
    .option('new-branch', { type: 'boolean', default: false, describe: 'Start a new litecode/* branch instead of stacking a follow-up on the pending one' })
    .option('keep-partial', { type: 'boolean', default: false, describe: 'Land the files that passed every check even if others were refused' })
    .option('check', { type: 'string', requiresArg: true, describe: 'A command (e.g. "npm test") that must pass in a checkout of the new commit before it lands' });
}

/** The default command: `git litecode "<request>"`. */
export const requestCommand: CommandModule<object, RunArguments> = {
  ...commandText.request,
  builder,
  handler: async (argv: ArgumentsCamelCase<RunArguments>) => (await import('../actions/run-request-command.js')).runRequestCommand(argv, { explicit: false }),
};

/** `git litecode run "<request>"`: the same, for one-word requests that look like a command. */
export const runCommand: CommandModule<object, RunArguments> = {
  ...commandText.run,
  builder,
  handler: async (argv: ArgumentsCamelCase<RunArguments>) => (await import('../actions/run-request-command.js')).runRequestCommand(argv, { explicit: true }),
};
