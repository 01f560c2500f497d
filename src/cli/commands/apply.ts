import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const applyCommand: CommandModule = {
  command: 'apply',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode apply is not built yet');
  },
};
