import type { Options } from 'yargs';

/** Options every command accepts. Commands read them through CommandContext. */
export const globalOptions = {
  C: { type: 'string', describe: 'Run as if started in this directory (like git -C)', global: true, requiresArg: true },
  json: { type: 'boolean', describe: 'Print data as JSON on stdout', global: true, default: false },
  quiet: { type: 'boolean', alias: 'q', describe: 'Print only errors and essential results', global: true, default: false },
  verbose: { type: 'boolean', alias: 'v', describe: 'Show the token budget, parse step and timing of each model call', global: true, default: false },
} as const satisfies Record<string, Options>;

export interface GlobalArguments {
  C?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}
