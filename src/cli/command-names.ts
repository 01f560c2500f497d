import { commandModules } from './commands/index.js';

/** The names a user can type as the first word: `show`, `log`, … (not the default command). */
export function knownCommandNames(): string[] {
  return commandModules
    .flatMap((module) => [module.command ?? [], module.aliases ?? []].flat())
    .map((command) => String(command).split(' ')[0]!)
    .filter((name) => name !== '' && name !== '$0' && name !== '*');
}
