import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';

// Placeholder: replaced by the real command.
export const undoCommand: CommandModule = {
  command: 'undo',
  describe: false,
  handler: () => {
    throw new UsageError('git litecode undo is not built yet');
  },
};
