import type { CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface ShowArguments extends GlobalArguments {
  revision?: string;
  calls?: boolean;
}

export const showCommand: CommandModule<GlobalArguments, ShowArguments> = {
  ...commandText.show,
  builder: (yargs) =>
    yargs
      .positional('revision', { type: 'string', describe: 'A commit, or an agent branch with or without litecode/ (default: the newest agent commit)' })
      .option('calls', { type: 'boolean', default: false, describe: 'Also print the model calls behind the change (transcript records of its run)' }),
  handler: async (argv) => (await import('../actions/show-change.js')).showChange(argv),
};
