import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { modelFlagOptions, type ModelFlagArguments } from '../../config/model-flags.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export interface SuggestArguments extends GlobalArguments, ModelFlagArguments {
  staged?: boolean;
  write?: boolean;
  hook?: boolean;
  includeGenerated?: boolean;
}

export const suggestCommand: CommandModule<object, SuggestArguments> = {
  ...commandText.suggest,
  builder: (yargs: Argv) =>
    yargs
      .options(modelFlagOptions)
      .option('staged', { type: 'boolean', default: false, describe: 'Review what is staged (required)' })
      .option('write', { type: 'boolean', default: false, describe: 'Turn the suggestions into a litecode/suggest-<short> branch, through the checked edit path' })
      .option('include-generated', { type: 'boolean', default: false, describe: 'Review lockfiles and other generated files too' })
      .option('hook', { type: 'boolean', default: false, hidden: true, describe: 'Run as the pre-commit hook: never fail the commit' }) as Argv<SuggestArguments>,
  handler: async (argv: ArgumentsCamelCase<SuggestArguments>) => (await import('../actions/suggest-staged-command.js')).suggestCommandAction(argv),
};
