import type { Argv, CommandModule } from 'yargs';
import { ExitCode, LitecodeError, UsageError } from '../errors/litecode-error.js';
import { terminalSafeJson, terminalSafeLine } from '../text/terminal-safe-text.js';
import { colorFlagWithValue } from './color-choice.js';
import { knownCommandNames } from './command-names.js';
import { commandName, listedCommands, type ListedCommand } from './commands/command-list.js';
import { mistypedWordError } from './did-you-mean.js';
import { globalOptions } from './global-options.js';
import { loadYargs, skipHelpRendering } from './load-yargs.js';

/** Runs the CLI with `args` (process.argv without node and the script) and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  // Like git, stop quietly when the reader goes away (`git litecode log | head`).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });
  const json = optionGiven(args, '--json');
  if (optionGiven(args, '--version') || optionGiven(args, '-V')) {
    await printVersion(json);
    return ExitCode.ok;
  }
  let exitCode: number = ExitCode.ok;
  const yargs = await loadYargs({ withHelp: optionGiven(args, '--help') || optionGiven(args, '-h') });
  const parser: Argv = yargs(colorFlagWithValue(args))
    .scriptName('git litecode')
    .usage('$0 "<request>"   plan, edit and commit on a litecode/* branch\n$0 <command> [options]')
    .options(globalOptions)
    .strict()
    .recommendCommands()
    .help('help')
    .alias('help', 'h')
    .version(false)
    .option('version', { type: 'boolean', describe: 'Show version number', alias: 'V' })
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      // yargs' own parse errors (a flag missing its value, a -C that is no directory) are usage
      // errors, not unexpected failures; a handler's errors pass through as they are.
      if (error?.name === 'YError') throw new UsageError(error.message, 'see git litecode -h');
      // At this point the parser holds the options of the command being parsed.
      throw error ?? usageError(message, parser, args);
    })
    .exitProcess(false);
  // Also when loadYargs fell back to yargs' stock entry point: no help text unless asked for.
  skipHelpRendering(parser);
  for (const command of await commandModulesFor(args)) parser.command(command);
  try {
    await parser.parseAsync();
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    exitCode = reportError(error, json);
  }
  return exitCode;
}

/**
 * The yargs modules to register: in full for every command `args` may dispatch to, the others by
 * name and description only, for help and "did you mean". Loading every command's module cost
 * each run a noticeable part of its start-up. yargs dispatches to a command only when its name is
 * the first word that is no option, so: each command whose name is among the words, and the
 * default command unless the very first argument names another command.
 */
export async function commandModulesFor(args: readonly string[]): Promise<CommandModule<any, any>[]> {
  const words = new Set(args);
  const firstNamesACommand = args[0] !== undefined && knownCommandNames().includes(args[0]);
  const mayRun = (listed: ListedCommand) => {
    const name = commandName(listed);
    return name === undefined ? !firstNamesACommand : words.has(name);
  };
  return Promise.all(listedCommands.map((listed) => (mayRun(listed) ? listed.load() : Promise.resolve(listedOnly(listed)))));
}

/** A command that this run cannot dispatch to, as help and "did you mean" list it. */
function listedOnly(listed: ListedCommand): CommandModule {
  return {
    command: listed.command,
    describe: listed.describe,
    handler: () => {
      throw new Error(`the module of '${listed.command}' was not loaded`);
    },
  };
}

/** `option` among the options (before any `--`). */
function optionGiven(args: readonly string[], option: string): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === option || arg === `${option}=true`);
}

/** yargs' own message, with "did you mean" for a mistyped command, or an unknown option close to a known one. */
function usageError(message: string | undefined, instance: Argv, args: readonly string[]): UsageError {
  const text = message ?? 'invalid arguments';
  // `git litecode lgo -n 3`: the options fail to parse because the command is mistyped.
  const firstWord = args.find((arg) => !arg.startsWith('-'));
  const mistypedCommand = firstWord && /^[a-z][a-z-]*$/.test(firstWord) ? mistypedWordError(firstWord, knownCommandNames(), 'command') : undefined;
  if (mistypedCommand) return mistypedCommand;
  // yargs' own "did you mean" for a subcommand (`hook instal`), worded as ours.
  const subcommand = /^Did you mean (\S+)\?$/.exec(text);
  const typedSubcommand = firstWord ? args.slice(args.indexOf(firstWord) + 1).find((arg) => !arg.startsWith('-')) : undefined;
  if (subcommand && typedSubcommand) {
    return new UsageError(`unknown command '${firstWord} ${typedSubcommand}'`, `did you mean '${firstWord} ${subcommand[1]}'?`);
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(text);
  if (unknown) {
    const names = unknown[1]!.split(', ');
    const known = Object.keys((instance as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
    for (const name of names) {
      const bare = name.replace(/^-+/, '');
      // yargs reads `--no-colr` as the negation of `colr`: suggest the negated form back.
      const negated = args.includes(`--no-${bare}`);
      const mistyped = mistypedWordError(negated ? `no-${bare}` : bare, known.filter((key) => key.length > 1).map((key) => (negated ? `no-${key}` : key)), 'option');
      if (mistyped) return mistyped;
    }
    // `git litecode show me the retry code`: a request, unquoted, whose first word is a command.
    if (firstWord && names.every((name) => args.includes(name))) {
      const words = args.filter((arg) => !arg.startsWith('-')).join(' ');
      return new UsageError(`git litecode ${firstWord} does not take ${names.join(', ')}`, `to send the words to the model as a request, quote them: git litecode "${words}"`);
    }
  }
  return new UsageError(text, 'see git litecode -h');
}

async function printVersion(json: boolean): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(json ? `${JSON.stringify({ name: 'git-litecode', version: pkg.version }, null, 2)}\n` : `git-litecode ${pkg.version}\n`);
}

/**
 * One line on stderr, whatever failed; with --json also the error as an object on stdout, so a
 * script always gets JSON. Both lose their control characters: an error can quote model text.
 */
function reportError(error: unknown, json: boolean): number {
  if (error instanceof LitecodeError) {
    process.stderr.write(`error: ${terminalSafeLine(error.toOneLine())}\n`);
    if (json) process.stdout.write(`${terminalSafeJson(error.toJson(), 2)}\n`);
    if (process.env.LITECODE_DEBUG && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const message = terminalSafeLine((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
  const hint = 'rerun with LITECODE_DEBUG=1 and report it';
  process.stderr.write(`error: unexpected failure: ${message}; ${hint}\n`);
  if (json) {
    const object = { ok: false, code: 'unexpected', exitCode: ExitCode.refused, message: `unexpected failure: ${message}`, hint };
    process.stdout.write(`${terminalSafeJson(object, 2)}\n`);
  }
  if (process.env.LITECODE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return ExitCode.refused;
}
