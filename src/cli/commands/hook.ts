import type { Argv, CommandModule } from 'yargs';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

const installCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'install',
  describe: 'Install the pre-commit hook (chains to an existing hook, never overwrites it)',
  handler: async (argv) => (await import('../actions/manage-hook.js')).installPreCommitHook(argv),
};

const uninstallCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  command: 'uninstall',
  describe: 'Remove the pre-commit hook and restore the hook that was there before',
  handler: async (argv) => (await import('../actions/manage-hook.js')).uninstallPreCommitHook(argv),
};

export const hookCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  ...commandText.hook,
  builder: (yargs: Argv<GlobalArguments>) => yargs.command(installCommand).command(uninstallCommand).demandCommand(1, 'say install or uninstall'),
  handler: () => undefined,
};
