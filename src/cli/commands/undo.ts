import type { CommandModule } from 'yargs';
import { discoverRepository } from '../../git/repository.js';
import { pruneScratchLeftovers } from '../../git/scratch-commit.js';
import { undoLastAgentChange } from '../../git/undo.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { printUndoResult } from '../render/undo-result.js';

export const undoCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'undo',
  describe: "Undo the newest agent change: move its branch back, or propose a revert if it is already in your branch",
  handler: async (argv) => {
    const context = commandContext(argv);
    const repository = await discoverRepository(context.cwd);
    await pruneScratchLeftovers(repository);
    printUndoResult(context, await undoLastAgentChange(repository));
  },
};
