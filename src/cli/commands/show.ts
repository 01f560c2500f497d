import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const showCommand: CommandModule = {
  command: 'show',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode show is not built yet');
  },
};
