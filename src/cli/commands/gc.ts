import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export const gcCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  ...commandText.gc,
  handler: async (argv) => (await import('../actions/remove-leftovers.js')).removeLeftovers(argv),
};
