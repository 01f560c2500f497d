import { discoverRepository } from '../../git/repository.js';
import { pruneScratchLeftovers } from '../../git/scratch-commit.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';

export async function removeLeftovers(argv: GlobalArguments): Promise<void> {
  const context = commandContext(argv);
  const removed = await pruneScratchLeftovers(await discoverRepository(context.cwd));
  if (context.json) return context.output.json({ removed });
  if (removed.length === 0) return context.output.line('nothing to clean');
  for (const path of removed) context.output.line(`removed ${path}`);
}
