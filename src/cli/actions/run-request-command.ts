import { settingsFlagsFromArgv } from '../../config/model-flags.js';
import { UsageError } from '../../errors/litecode-error.js';
import { commandContext } from '../command-context.js';
import { knownCommandNames } from '../command-names.js';
import type { RunArguments } from '../commands/run.js';
import { mistypedWordError } from '../did-you-mean.js';
import { withInterrupt } from '../interrupt.js';
import { describeModelEvent } from '../render/model-events.js';
import { printRunOutcome } from '../render/run-outcome.js';

/**
 * `git litecode "<request>"` and `git litecode run "<request>"`. Without `run`, a request that
 * starts like a mistyped command (`shwo`, `stauts HEAD`) gets "did you mean", and a lone word
 * that is no command is refused with the `run` form to send it anyway: either way, no model call.
 */
export async function runRequestCommand(argv: RunArguments, options: { explicit: boolean }): Promise<void> {
  const context = commandContext(argv);
  const words = argv.request ?? [];
  const request = words.join(' ').trim();
  if (!request) throw new UsageError('no request given', 'try git litecode "add retry to fetchUser", or git litecode -h');
  if (!options.explicit) refuseCommandLikeRequest(words.map(String));
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

/**
 * The rule, after git's help.autocorrect (which suggests and never guesses): the first word
 * counts as a command name when the request came as separate words (`git litecode shwo HEAD`)
 * or as a single word; a quoted request with spaces (`"shwo me the retry code"`) is always text.
 */
function refuseCommandLikeRequest(words: readonly string[]): void {
  const [first] = words;
  if (first === undefined || /\s/.test(first.trim())) return;
  const word = first.trim();
  if (!/^[a-z][a-z0-9_-]*$/i.test(word)) return;
  const names = knownCommandNames();
  const mistyped = mistypedWordError(word, names, 'command');
  if (mistyped) throw mistyped;
  if (words.length === 1 && !names.includes(word)) {
    throw new UsageError(`unknown command '${word}'`, `see git litecode -h; to send it as a request, use git litecode run "${word}"`);
  }
}
