import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const hookCommand: CommandModule = {
  command: 'hook',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode hook is not built yet');
  },
};
