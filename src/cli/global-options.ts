import { statSync } from 'node:fs';
import type { Options } from 'yargs';
import { UsageError } from '../errors/litecode-error.js';

/** -C as git reads it: a directory that must exist ("cannot change to …"), not a spawn failure later. */
function existingDirectory(directory: string): string {
  const stat = statSync(directory, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new UsageError(`cannot change to '${directory}': ${stat ? 'not a directory' : 'no such directory'}`, 'give -C a directory that exists');
  }
  return directory;
}

/** Options every command accepts. Commands read them through CommandContext. */
export const globalOptions = {
  C: { type: 'string', describe: 'Run as if started in this directory (like git -C)', global: true, requiresArg: true, coerce: existingDirectory },
  json: { type: 'boolean', describe: 'Print data as JSON on stdout (errors too)', global: true, default: false },
  quiet: { type: 'boolean', alias: 'q', describe: 'Print only errors and essential results', global: true, default: false },
  verbose: { type: 'boolean', alias: 'v', describe: 'Show the token budget, parse step and timing of each model call', global: true, default: false },
  color: { type: 'string', describe: 'Colour: always, never or auto (color.litecode, color.ui); --no-color for never', global: true },
  pager: { type: 'boolean', describe: "Page log and show through git's pager on a terminal; --no-pager to print them directly", global: true, default: true },
} as const satisfies Record<string, Options>;

export interface GlobalArguments {
  C?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** `--color=<when>`, or false for --no-color. */
  color?: string | boolean;
  /** false for --no-pager. */
  pager?: boolean;
}
