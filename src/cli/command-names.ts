import { commandName, listedCommands } from './commands/command-list.js';

/** The names a user can type as the first word: `show`, `log`, … (not the default command). */
export function knownCommandNames(): string[] {
  return listedCommands.map(commandName).filter((name): name is string => name !== undefined);
}
