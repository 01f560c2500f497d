import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const doctorCommand: CommandModule = {
  command: 'doctor',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode doctor is not built yet');
  },
};
