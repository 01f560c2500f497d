import yargs, { type Argv } from 'yargs';
import { ExitCode, LitecodeError, UsageError } from '../errors/litecode-error.js';
import { commandModules } from './commands/index.js';
import { globalOptions } from './global-options.js';

/** Runs the CLI with `args` (process.argv without node and the script) and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  // Like git, stop quietly when the reader goes away (`git litecode log | head`).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });
  let exitCode: number = ExitCode.ok;
  const parser: Argv = yargs([...args])
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
      throw error ?? new UsageError(message ?? 'invalid arguments', 'see git litecode -h');
    })
    .exitProcess(false);
  for (const command of commandModules) parser.command(command);
  try {
    const argv = await parser.parseAsync();
    if (argv.version) {
      const { readFile } = await import('node:fs/promises');
      const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      process.stdout.write(`git-litecode ${pkg.version}\n`);
    }
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    exitCode = reportError(error);
  }
  return exitCode;
}

function reportError(error: unknown): number {
  if (error instanceof LitecodeError) {
    process.stderr.write(`error: ${error.toOneLine()}\n`);
    if (process.env.LITECODE_DEBUG && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: unexpected failure: ${message.split('\n')[0]}; rerun with LITECODE_DEBUG=1 and report it\n`);
  if (process.env.LITECODE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return ExitCode.refused;
}
