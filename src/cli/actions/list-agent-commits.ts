import { listAgentCommits } from '../../git/agent-history.js';
import { discoverRepository } from '../../git/repository.js';
import { pruneScratchLeftovers } from '../../git/scratch-leftovers.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import { commandContext } from '../command-context.js';
import type { LogArguments } from '../commands/log.js';
import { countNoun } from '../count-noun.js';
import { startPager } from '../pager.js';
import { agentCommitJson, describeAge } from '../render/agent-commit.js';

/** `git litecode log`: one line per agent commit, through git's pager on a terminal, as `git log`. */
export async function listAgentCommitsCommand(argv: LogArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  await pruneScratchLeftovers(repository);
  const commits = await listAgentCommits(repository, { limit: Math.max(1, Math.floor(argv.limit)), head: repository.headAtDiscovery });
  if (context.json) {
    context.output.json(commits.map(agentCommitJson));
    return;
  }
  if (commits.length === 0) {
    context.output.info('No agent commits yet. Make one with git litecode "<request>".');
    return;
  }
  const pager = await startPager(repository.topLevel, context.pager);
  if (pager) context.output.sendResultsTo(pager.input);
  const now = Date.now();
  const { output } = context;
  for (const commit of commits) {
    if (pager?.closed) break;
    const state = output.paint(commit.state === 'pending' ? 'yellow' : commit.state === 'applied' ? 'green' : 'dim', commit.state.padEnd(7));
    const files = countNoun(commit.metadata.files.length, 'file');
    const model = commit.metadata.model ? `${commit.metadata.provider}/${commit.metadata.model}` : commit.metadata.kind;
    output.line(
      [
        output.paint('cyan', commit.sha.slice(0, 12)),
        state,
        terminalSafeLine(commit.branch ?? '-'),
        describeAge(now - commit.date.getTime()),
        terminalSafeLine(commit.metadata.synthesis),
        `(${files}, ${terminalSafeLine(model)})`,
      ].join('  '),
    );
  }
  if (pager) await pager.finish();
}
