import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors/litecode-error.js';
import { modelFlagOptions, settingsFlagsFromArgv, type ModelFlagArguments } from '../../config/settings.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { printRunOutcome } from '../render/run-outcome.js';
import { withInterrupt } from '../interrupt.js';
import { describeModelEvent } from '../render/model-events.js';

interface RunArguments extends GlobalArguments, ModelFlagArguments {
  request?: string[];
  snapshot?: boolean;
  newBranch?: boolean;
  keepPartial?: boolean;
  check?: string;
}

const commandNames = new Set(['log', 'show', 'undo', 'apply', 'drop', 'status', 'gc', 'config', 'hook', 'suggest', 'doctor', 'demo', 'completion', 'run']);

function builder(yargs: Argv) {
  return yargs
    .positional('request', { type: 'string', array: true, describe: 'What to change, or a question, in plain words' })
    .options(modelFlagOptions)
    .option('snapshot', { type: 'boolean', default: false, describe: 'Base the work on a snapshot of your uncommitted changes (git stash create) instead of HEAD; touches nothing' })
    .option('new-branch', { type: 'boolean', default: false, describe: 'Start a new litecode/* branch instead of stacking a follow-up on the pending one' })
    .option('keep-partial', { type: 'boolean', default: false, describe: 'Land the files that passed every check even if others were refused' })
    .option('check', { type: 'string', requiresArg: true, describe: 'A command (e.g. "npm test") that must pass in a checkout of the new commit before it lands' });
}

async function handler(argv: ArgumentsCamelCase<RunArguments>) {
  const context = commandContext(argv);
  const words = argv.request ?? [];
  const request = words.join(' ').trim();
  if (!request) throw new UsageError('no request given', 'try git litecode "add retry to fetchUser", or git litecode -h');
  if (words.length === 1 && /^[a-z][a-z0-9_-]*$/i.test(request) && !commandNames.has(request)) {
    throw new UsageError(`unknown command '${request}'`, `see git litecode -h; to send it as a request, use git litecode run "${request}"`);
  }
  const { runRequest } = await import('../../agent/run-request.js');
  const flags = settingsFlagsFromArgv(argv);
  if (typeof argv.check === 'string') flags.check = argv.check;
  const outcome = await withInterrupt((signal) =>
    runRequest({
      cwd: context.cwd,
      request,
      settingsFlags: flags,
      snapshot: Boolean(argv.snapshot),
      newBranch: Boolean(argv.newBranch),
      keepPartial: Boolean(argv.keepPartial),
      signal,
      onEvent: (event) => describeModelEvent(context.output, event),
    }),
  );
  context.output.clearProgress();
  printRunOutcome(context, outcome);
}

/** The default command: `git litecode "<request>"`. */
export const requestCommand: CommandModule<object, RunArguments> = {
  command: '$0 [request..]',
  describe: 'Plan, edit and commit a change on a litecode/* branch, or answer a question',
  builder,
  handler,
};

/** `git litecode run "<request>"`: the same, for one-word requests that look like a command. */
export const runCommand: CommandModule<object, RunArguments> = {
  command: 'run <request..>',
  describe: 'The same as the default command',
  builder,
  handler,
};
