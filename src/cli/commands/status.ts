import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const statusCommand: CommandModule = {
  command: 'status',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode status is not built yet');
  },
};
