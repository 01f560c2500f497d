import type { CommandModule } from 'yargs';
import { dropAgentBranch, dropAppliedAgentBranches } from '../../handoff/drop-branch.js';
import { discoverRepository } from '../../git/repository.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';

interface DropArguments extends GlobalArguments {
  branch?: string;
  'all-applied'?: boolean;
}

export const dropCommand: CommandModule<GlobalArguments, DropArguments> = {
  command: 'drop [branch]',
  describe: 'Delete an agent branch; prints its sha so you can get it back',
  builder: (yargs) =>
    yargs
      .positional('branch', { type: 'string', describe: 'Agent branch (default: the newest pending one)' })
      .option('all-applied', { type: 'boolean', describe: 'Delete every litecode/* branch already merged into HEAD' })
      .conflicts('all-applied', 'branch'),
  handler: async (argv) => {
    const context = commandContext(argv);
    const repository = await discoverRepository(context.cwd);
    const dropped = argv['all-applied'] ? await dropAppliedAgentBranches(repository) : [await dropAgentBranch(repository, argv.branch)];
    if (context.json) {
      context.output.json({ dropped });
      return;
    }
    if (dropped.length === 0) context.output.line('no applied agent branches to drop');
    for (const branch of dropped) context.output.line(`dropped ${branch.branch} (was ${branch.sha.slice(0, 12)}); to get it back: ${branch.recovery}`);
  },
};
