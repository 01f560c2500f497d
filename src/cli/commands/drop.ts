import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const dropCommand: CommandModule = {
  command: 'drop',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode drop is not built yet');
  },
};
