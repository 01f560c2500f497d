import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export const undoCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  ...commandText.undo,
  handler: async (argv) => (await import('../actions/undo-change.js')).undoChange(argv),
};
