import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { loadYargsCore } from './yargs-core.js';

type YargsFunction = typeof import('yargs').default;

/**
 * yargs, without loading what only its help text needs. yargs' own entry point loads cliui and
 * string-width (with their Unicode width tables) for every run: half of its start-up, and
 * about a third of what `git litecode log` costs. Here the same yargs core gets a platform
 * shim that is yargs' own (lib/platform-shims/esm.mjs) but for the help renderer; when help
 * is asked for (`withHelp`), the stock entry point loads. Should yargs' files ever move, the
 * stock entry point is used instead.
 */
export async function loadYargs(options: { withHelp: boolean }): Promise<YargsFunction> {
  if (options.withHelp) return (await import('yargs')).default;
  try {
    return await loadLightYargs();
  } catch {
    return (await import('yargs')).default;
  }
}

async function loadLightYargs(): Promise<YargsFunction> {
  const entry = fileURLToPath(import.meta.resolve('yargs'));
  const directory = dirname(entry);
  const core = await loadYargsCore(directory);
  const mainFilename = directory.substring(0, directory.lastIndexOf('node_modules'));
  const getCallerFile = core.getCallerFile as (position: number) => string;
  const shim = {
    assert: internalChecks,
    cliui: helpNotLoaded,
    findUp: core.escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin: core.getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser: core.Parser,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync,
    readdirSync,
    require: createRequire(entry),
    getCallerFile: () => {
      const caller = getCallerFile(3);
      return caller.startsWith('file://') ? fileURLToPath(caller) : caller;
    },
    stringWidth: helpNotLoaded,
    y18n: core.y18n({ directory: join(directory, 'locales'), updateFiles: false }),
  };
  const create = core.YargsFactory(shim) as YargsFunction;
  // Without its help renderer this yargs must never render help unasked: a yargs that no
  // longer has the hook to turn that off is not used at all, and every instance is patched.
  if (!skipHelpRendering(create([]))) throw new Error('this yargs renders help on every dispatch');
  return ((...parameters: Parameters<YargsFunction>) => {
    const instance = create(...parameters);
    skipHelpRendering(instance);
    return instance;
  }) as YargsFunction;
}

/**
 * yargs renders the whole help text after dispatching any command (cacheHelpMessage), for a
 * handler that might call showHelp; ours never do, and `--help` renders it when asked.
 * Returns false when this yargs has no such hook to turn off.
 */
export function skipHelpRendering(parser: unknown): boolean {
  const usage = (parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (!usage || typeof usage.cacheHelpMessage !== 'function') return false;
  usage.cacheHelpMessage = () => {};
  return true;
}

/**
 * yargs' assertions about its own state (a frozen context exists, a key is a string): checks
 * that fail only on a yargs bug. As node:assert's, but without loading node:assert, which
 * costs more start-up than the rest of the parser.
 */
const internalChecks = {
  strictEqual(actual: unknown, expected: unknown, message?: string): void {
    if (!Object.is(actual, expected)) throw new Error(message ?? `yargs: expected ${inspect(expected)}, got ${inspect(actual)}`);
  },
  notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
    if (Object.is(actual, expected)) throw new Error(message ?? `yargs: expected a value other than ${inspect(expected)}`);
  },
};

function helpNotLoaded(): never {
  throw new Error('the help text was not loaded; run with --help');
}
