import { resolve } from 'node:path';
import type { GlobalArguments } from './global-options.js';
import { Output } from './output.js';

/** What every command handler gets from the global options. */
export interface CommandContext {
  cwd: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  output: Output;
}

export function commandContext(argv: GlobalArguments): CommandContext {
  const json = Boolean(argv.json);
  const quiet = Boolean(argv.quiet);
  const verbose = Boolean(argv.verbose) && !quiet;
  return {
    cwd: resolve(argv.C ?? process.cwd()),
    json,
    quiet,
    verbose,
    output: new Output({ json, quiet, verbose }),
  };
}
