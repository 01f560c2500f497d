import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';

export const undoCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'undo',
  describe: "Undo the newest agent change: move its branch back, or propose a revert if it is already in your branch",
  handler: async (argv) => (await import('../actions/undo-change.js')).undoChange(argv),
};
