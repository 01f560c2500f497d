import type { CommandModule } from 'yargs';
import { applyAgentBranch } from '../../handoff/apply-branch.js';
import { discoverRepository } from '../../git/repository.js';
import { commandContext } from '../command-context.js';
import { countNoun } from '../count-noun.js';
import type { GlobalArguments } from '../global-options.js';

interface ApplyArguments extends GlobalArguments {
  branch?: string;
  squash?: boolean;
  patch?: boolean;
  keep?: boolean;
  ff?: boolean;
}

export const applyCommand: CommandModule<GlobalArguments, ApplyArguments> = {
  command: 'apply [branch]',
  describe: 'Take an agent branch into the current branch, through git commit (your hooks, template and signing)',
  builder: (yargs) =>
    yargs
      .positional('branch', { type: 'string', describe: 'Agent branch (default: the newest pending one)' })
      .option('squash', { type: 'boolean', describe: 'Leave the changes staged for your own commit' })
      .option('patch', { type: 'boolean', describe: 'Apply the changes uncommitted with git apply --3way' })
      .option('keep', { type: 'boolean', default: false, describe: 'Keep the agent branch after applying it' })
      .option('ff', { type: 'boolean', describe: 'Fast-forward when possible, without running your commit hooks or signing' })
      .conflicts('squash', 'patch')
      .conflicts('ff', ['squash', 'patch']),
  handler: async (argv) => {
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
    if (result.outcome === 'already-applied') {
      context.output.line(`${result.branch} is already in HEAD; nothing to apply (remove it with git litecode drop ${result.branch})`);
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
    context.output.line(`applied ${result.branch}: ${how} (${countNoun(result.files.length, 'file')})`);
    if (result.deleted) context.output.info(`deleted ${result.branch} (was ${result.sha.slice(0, 12)}); to get it back: ${result.recovery}`);
  },
};
