import { basename } from 'node:path';
import { bashCompletionScript } from '../completion/bash-script.js';
import { completionTable } from '../completion/command-table.js';
import { zshCompletionScript } from '../completion/zsh-script.js';
import { globalOptions } from '../global-options.js';

export type CompletionShell = 'bash' | 'zsh';

/** Prints the completion script for `shell`, or for $SHELL when none is named (bash unless it is zsh). */
export async function printCompletion(shell: CompletionShell | undefined): Promise<void> {
  const chosen: CompletionShell = shell ?? (basename(process.env.SHELL ?? '') === 'zsh' ? 'zsh' : 'bash');
  // Loaded here, not at the top: the command table lists the completion command itself.
  const { commandModules } = await import('../commands/index.js');
  const table = completionTable(commandModules, globalOptions);
  process.stdout.write(chosen === 'zsh' ? zshCompletionScript(table) : bashCompletionScript(table));
}
