import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export const statusCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  ...commandText.status,
  handler: async (argv) => (await import('../actions/pending-status.js')).pendingStatus(argv),
};
