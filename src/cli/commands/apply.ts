import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface ApplyArguments extends GlobalArguments {
  branch?: string;
  squash?: boolean;
  patch?: boolean;
  keep?: boolean;
  ff?: boolean;
}

export const applyCommand: CommandModule<GlobalArguments, ApplyArguments> = {
  ...commandText.apply,
  builder: (yargs) =>
    yargs
      .positional('branch', { type: 'string', describe: 'Agent branch (default: the newest pending one)' })
      .option('squash', { type: 'boolean', describe: 'Leave the changes staged for your own commit' })
      .option('patch', { type: 'boolean', describe: 'Apply the changes uncommitted with git apply --3way' })
      .option('keep', { type: 'boolean', default: false, describe: 'Keep the agent branch after applying it' })
      .option('ff', { type: 'boolean', describe: 'Fast-forward when possible, without running your commit hooks or signing' })
      .conflicts('squash', 'patch')
      .conflicts('ff', ['squash', 'patch']),
  handler: async (argv) => (await import('../actions/apply-branch.js')).applyBranch(argv),
};
