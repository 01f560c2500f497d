import { dropAgentBranch, dropAppliedAgentBranches } from '../../handoff/drop-branch.js';
import { discoverRepository } from '../../git/repository.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import { commandContext } from '../command-context.js';
import type { DropArguments } from '../commands/drop.js';

export async function dropBranches(argv: DropArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  const dropped = argv['all-applied'] ? await dropAppliedAgentBranches(repository) : [await dropAgentBranch(repository, argv.branch)];
  if (context.json) {
    context.output.json({ dropped });
    return;
  }
  if (dropped.length === 0) context.output.line('no applied agent branches to drop');
  for (const branch of dropped) context.output.line(`dropped ${terminalSafeLine(branch.branch)} (was ${branch.sha.slice(0, 12)}); to get it back: ${branch.recovery}`);
}
