import { applyAgentBranch } from '../../handoff/apply-branch.js';
import { discoverRepository } from '../../git/repository.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import { commandContext } from '../command-context.js';
import type { ApplyArguments } from '../commands/apply.js';
import { countNoun } from '../count-noun.js';

export async function applyBranch(argv: ApplyArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  const result = await applyAgentBranch(repository, {
    branch: argv.branch,
    how: argv.squash ? 'squash' : argv.patch ? 'patch' : 'commits',
    keep: Boolean(argv.keep),
    fastForward: Boolean(argv.ff),
  });
  if (result.outcome === 'applied' && result.gitOutput && !context.quiet) context.output.warn(result.gitOutput);
  if (context.json) return context.output.json(result);
  const branch = terminalSafeLine(result.branch);
  if (result.outcome === 'already-applied') {
    context.output.line(`${branch} is already in HEAD; nothing to apply (remove it with git litecode drop ${branch})`);
    return;
  }
  const rules = result.commitRules.join(', ');
  const through = rules ? `through git commit (${rules})` : 'through git commit';
  const fastForwardWhy = result.reason === 'ff-requested' ? (rules ? `as --ff asked, skipping ${rules}` : 'as --ff asked') : 'as no commit hook, commit.template or commit.gpgsign is configured';
  const how = {
    'fast-forward': `fast-forwarded to ${result.head.slice(0, 12)}, ${fastForwardWhy}`,
    'cherry-pick': `cherry-picked ${countNoun(result.commits.length, 'commit')} ${through}, HEAD is now ${result.head.slice(0, 12)}`,
    squash: 'staged the changes; commit them with git commit',
    patch: 'applied the changes uncommitted; review them with git diff --cached',
    'onto-working-tree': 'applied the changes to your working tree, on top of your uncommitted work it was built from; review them with git diff',
  }[result.mode];
  context.output.line(`applied ${branch}: ${how} (${countNoun(result.files.length, 'file')})`);
  if (result.deleted) context.output.info(`deleted ${branch} (was ${result.sha.slice(0, 12)}); to get it back: ${result.recovery}`);
}
