import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const configCommand: CommandModule = {
  command: 'config',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode config is not built yet');
  },
};
