import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';

export interface LogArguments extends GlobalArguments {
  limit: number;
}

export const logCommand: CommandModule<GlobalArguments, LogArguments> = {
  command: 'log',
  describe: 'List agent commits, newest first: sha, state, branch, age, synthesis, files, model',
  builder: (yargs) => yargs.option('limit', { alias: 'n', type: 'number', default: 20, describe: 'Show at most this many commits' }),
  handler: async (argv) => (await import('../actions/list-agent-commits.js')).listAgentCommitsCommand(argv),
};
