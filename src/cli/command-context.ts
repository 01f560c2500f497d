import { resolve } from 'node:path';
import { decideColor, colorWhenFromArgv } from './color-choice.js';
import type { GlobalArguments } from './global-options.js';
import { Output } from './output.js';

/** What every command handler gets from the global options. */
export interface CommandContext {
  cwd: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  /** false with --no-pager. */
  pager: boolean;
  output: Output;
}

export function commandContext(argv: GlobalArguments): CommandContext {
  const json = Boolean(argv.json);
  const quiet = Boolean(argv.quiet);
  const verbose = Boolean(argv.verbose) && !quiet;
  const cwd = resolve(argv.C ?? process.cwd());
  const flag = colorWhenFromArgv(argv.color);
  return {
    cwd,
    json,
    quiet,
    verbose,
    pager: argv.pager !== false,
    output: new Output({ json, quiet, verbose }, (stdoutIsTerminal) => decideColor({ flag, json, cwd, stdoutIsTerminal })),
  };
}
