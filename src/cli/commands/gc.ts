import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const gcCommand: CommandModule = {
  command: 'gc',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode gc is not built yet');
  },
};
