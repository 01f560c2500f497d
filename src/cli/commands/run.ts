import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';

interface RunArguments extends GlobalArguments {
  request?: string[];
}

function builder(yargs: Argv) {
  return yargs.positional('request', { type: 'string', array: true, describe: 'What to change, or a question, in plain words' });
}

async function handler(argv: ArgumentsCamelCase<RunArguments>) {
  const context = commandContext(argv);
  const words = argv.request ?? [];
  void context;
  if (words.length === 0) throw new UsageError('no request given', 'try git litecode "add retry to fetchUser", or git litecode -h');
  throw new UsageError('the agent is not built yet');
}

/** The default command: `git litecode "<request>"`. */
export const requestCommand: CommandModule<object, RunArguments> = {
  command: '$0 [request..]',
  describe: 'Plan, edit and commit a change on a litecode/* branch, or answer a question',
  builder,
  handler,
};

/** `git litecode run "<request>"`: the same, for one-word requests that look like a command. */
export const runCommand: CommandModule<object, RunArguments> = {
  command: 'run <request..>',
  describe: 'The same as the default command',
  builder,
  handler,
};
