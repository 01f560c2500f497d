import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface DropArguments extends GlobalArguments {
  branch?: string;
  'all-applied'?: boolean;
}

export const dropCommand: CommandModule<GlobalArguments, DropArguments> = {
  ...commandText.drop,
  builder: (yargs) =>
    yargs
      .positional('branch', { type: 'string', describe: 'Agent branch (default: the newest pending one)' })
      .option('all-applied', { type: 'boolean', describe: 'Delete every litecode/* branch already merged into HEAD' })
      .conflicts('all-applied', 'branch'),
  handler: async (argv) => (await import('../actions/drop-branches.js')).dropBranches(argv),
};
