import { discoverRepository } from '../../git/repository.js';
import { pruneScratchLeftovers } from '../../git/scratch-commit.js';
import { undoLastAgentChange } from '../../git/undo.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { printUndoResult } from '../render/undo-result.js';

export async function undoChange(argv: GlobalArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  await pruneScratchLeftovers(repository);
  // Nothing has moved HEAD since discovery: its commit from discovery saves reading it again.
  printUndoResult(context, await undoLastAgentChange(repository, { head: repository.headAtDiscovery }));
}
