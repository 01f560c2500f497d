import type { Argv, CommandModule } from 'yargs';
import type { CompletionShell } from '../actions/print-completion.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

const shells: readonly CompletionShell[] = ['bash', 'zsh'];
type Shell = CompletionShell;

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
  ...commandText.completion,
  builder: (yargs: Argv<GlobalArguments>) =>
    yargs
      .positional('shell', { choices: shells, describe: 'The shell (default: from $SHELL, else bash)' })
      .epilogue(install) as Argv<CompletionArguments>,
  handler: async (argv) => (await import('../actions/print-completion.js')).printCompletion(argv.shell),
};
