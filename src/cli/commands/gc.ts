import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';

export const gcCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'gc',
  describe: 'Remove the scratch leftovers of killed runs',
  handler: async (argv) => (await import('../actions/remove-leftovers.js')).removeLeftovers(argv),
};
