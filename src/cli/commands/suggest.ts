import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const suggestCommand: CommandModule = {
  command: 'suggest',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode suggest is not built yet');
  },
};
