import { isPending, summarizeAgentBranches } from '../../handoff/agent-branches.js';
import { discoverRepository } from '../../git/repository.js';
import { findScratchLeftovers } from '../../git/scratch-leftovers.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import { commandContext } from '../command-context.js';
import { countNoun } from '../count-noun.js';
import type { GlobalArguments } from '../global-options.js';

export async function pendingStatus(argv: GlobalArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  const pending = (await summarizeAgentBranches(repository)).filter(isPending);
  const leftovers = await findScratchLeftovers(repository);
  if (context.json) {
    context.output.json({
      pending: pending.map((branch) => ({ branch: branch.name, sha: branch.sha, ahead: branch.commitsAhead.length, synthesis: branch.synthesis, date: branch.committedAt.toISOString() })),
      leftovers,
    });
    return;
  }
  if (pending.length === 0) context.output.line('no pending agent branches');
  for (const branch of pending) {
    const ahead = `${countNoun(branch.commitsAhead.length, 'commit')} ahead`;
    context.output.line(`${context.output.paint('cyan', terminalSafeLine(branch.name))}  ${ahead}  ${terminalSafeLine(branch.synthesis)}`);
  }
  if (pending.length > 0) context.output.info(context.output.paint('dim', 'review: git litecode show <branch>   take: git litecode apply <branch>   discard: git litecode drop <branch>'));
  if (leftovers.length > 0) context.output.line(`${countNoun(leftovers.length, 'leftover')} from killed runs (${leftovers.join(', ')}); remove with git litecode gc`);
}
