import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';

export const statusCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'status',
  describe: 'Pending agent branches, and leftovers of killed runs',
  handler: async (argv) => (await import('../actions/pending-status.js')).pendingStatus(argv),
};
