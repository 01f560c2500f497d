import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const demoCommand: CommandModule = {
  command: 'demo',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode demo is not built yet');
  },
};
