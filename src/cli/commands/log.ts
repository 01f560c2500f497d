import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const logCommand: CommandModule = {
  command: 'log',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode log is not built yet');
  },
};
