import { basename } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { bashCompletionScript } from '../completion/bash-script.js';
import { completionTable } from '../completion/command-table.js';
import { zshCompletionScript } from '../completion/zsh-script.js';
import { globalOptions } from '../global-options.js';
import type { GlobalArguments } from '../global-options.js';

const shells = ['bash', 'zsh'] as const;
type Shell = (typeof shells)[number];

interface CompletionArguments extends GlobalArguments {
  shell?: Shell;
}

const install = [
  'Install for bash (through git\'s own bash completion):',
  '  mkdir -p ~/.local/share/bash-completion/completions',
  '  git litecode completion bash > ~/.local/share/bash-completion/completions/git-litecode',
  'Install for zsh:',
  '  mkdir -p ~/.zfunc && git litecode completion zsh > ~/.zfunc/_git-litecode',
  '  and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)',
].join('\n');

/** `git litecode completion [bash|zsh]`: prints the script. Needs no repository and never runs a request. */
export const completionCommand: CommandModule<GlobalArguments, CompletionArguments> = {
  command: 'completion [shell]',
  describe: 'Print the shell completion script (bash or zsh)',
  builder: (yargs: Argv<GlobalArguments>) =>
    yargs
      .positional('shell', { choices: shells, describe: 'The shell (default: from $SHELL, else bash)' })
      .epilogue(install) as Argv<CompletionArguments>,
  handler: async (argv) => {
    const shell: Shell = argv.shell ?? (basename(process.env.SHELL ?? '') === 'zsh' ? 'zsh' : 'bash');
    // Loaded here, not at the top: the command table lists this very module.
    const { commandModules } = await import('./index.js');
    const table = completionTable(commandModules, globalOptions);
    process.stdout.write(shell === 'zsh' ? zshCompletionScript(table) : bashCompletionScript(table));
  },
};
