import { LitecodeError, UsageError } from '../../errors/litecode-error.js';
import { resolveSettings, settingsFlagsFromArgv, type Settings } from '../../config/settings.js';
import { discoverRepository } from '../../git/repository.js';
import { commitNeedsNoReview } from '../../handoff/hook/commit-needs-no-review.js';
import { runWithinDeadline } from '../../handoff/hook/run-within-deadline.js';
import { commandContext, type CommandContext } from '../command-context.js';
import type { SuggestArguments } from '../commands/suggest.js';
import { withInterrupt } from '../interrupt.js';
import { describeModelEvent } from '../render/model-events.js';
import { printRunOutcome } from '../render/run-outcome.js';
import type { SuggestOutcome } from '../../agent/suggest-staged.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';

const leaveAfterLimitMs = 250;
/** How git-litecode tells the shipped hook that it stopped at the deadline (as timeout(1) does). */
const shippedHookTimeoutExitCode = 124;

export async function suggestCommandAction(argv: SuggestArguments): Promise<void> {
  if (!argv.staged) throw new UsageError('suggest works on the staged change', 'run git litecode suggest --staged');
  if (argv.hook) return runAsHook(argv);
  const context = commandContext(argv);
  // Ctrl-C aborts the model calls and says so in one line, as for a request.
  await withInterrupt((signal) => suggest(context, argv, signal));
}

async function suggest(context: CommandContext, argv: SuggestArguments, signal?: AbortSignal): Promise<SuggestOutcome> {
  const { suggestForStaged } = await import('../../agent/suggest-staged.js');
  const flags = settingsFlagsFromArgv(argv);
  const outcome = await suggestForStaged({
    cwd: context.cwd,
    settingsFlags: flags,
    onEvent: (event) => describeModelEvent(context.output, event),
    signal,
    includeGenerated: argv.includeGenerated,
  });
  context.output.clearProgress();
  if (argv.write) {
    const { writeSuggestions } = await import('../../agent/write-suggestions.js');
    const { settings } = await resolveSettings({ cwd: context.cwd, flags });
    printSuggestions(context, outcome);
    printRunOutcome(context, await writeSuggestions(outcome, settings, (event) => describeModelEvent(context.output, event)));
    return outcome;
  }
  if (context.json) context.output.json({ files: outcome.files, skipped: outcome.skipped });
  else printSuggestions(context, outcome);
  return outcome;
}

function printSuggestions(context: CommandContext, outcome: SuggestOutcome): void {
  const { output } = context;
  for (const file of outcome.files) {
    if (file.suggestions.length === 0) continue;
    output.line(output.paint('bold', terminalSafeLine(file.path)));
    for (const suggestion of file.suggestions) {
      output.line(`  ${String(suggestion.line ?? '').padStart(4)}  ${terminalSafeLine(suggestion.kind).padEnd(14)}  ${terminalSafeLine(suggestion.message)}`);
    }
  }
  for (const skipped of outcome.skipped) output.info(output.paint('dim', `${terminalSafeLine(skipped.path)}: skipped (${terminalSafeLine(skipped.reason)})`));
  if (outcome.files.every((file) => file.suggestions.length === 0)) output.info('litecode: no suggestions for the staged change');
}

/**
 * Inside a pre-commit hook (the shipped one, or husky or lefthook calling this directly) the
 * commit always goes on: silence when there is nothing to review, one line for any problem or
 * at the hard time limit, exit 0; unless litecode.hook.block=true and there are suggestions.
 */
async function runAsHook(argv: SuggestArguments): Promise<void> {
  if (process.env.CI || process.env.LITECODE_SKIP === '1') return;
  // Only the suggestions themselves: a hook with nothing to add says nothing.
  const context = commandContext({ ...argv, quiet: true });
  try {
    if (await commitNeedsNoReview(await discoverRepository(context.cwd))) return;
    const { settings } = await resolveSettings({ cwd: context.cwd, flags: settingsFlagsFromArgv(argv) });
    const deadline = hookDeadline(settings.hookTimeoutSeconds);
    const outcome = await runWithinDeadline(deadline.atMs - Date.now(), (signal) => suggestionCountAsHook(context, argv, settings, deadline.atMs, signal));
    if (!outcome.finished) {
      // The shipped hook says so itself, once; a hook manager calling this directly hears it here.
      if (deadline.setByShippedHook) process.exitCode = shippedHookTimeoutExitCode;
      else process.stderr.write(`git-litecode: no suggestions within ${settings.hookTimeoutSeconds}s (litecode.hook.timeout); committing anyway\n`);
      exitEvenIfSomethingHangs();
      return;
    }
    if (settings.hookBlock && outcome.value > 0) {
      process.stderr.write(`litecode: ${outcome.value} suggestion(s); the commit is blocked because litecode.hook.block=true\n`);
      process.exitCode = 1;
    }
  } catch (error) {
    const line = error instanceof LitecodeError ? error.toOneLine() : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    process.stderr.write(`litecode: no suggestions (${terminalSafeLine(line)}); the commit goes on\n`);
  }
}

/**
 * When the hook must be done. The shipped hooks/pre-commit passes its own start plus the limit
 * (LITECODE_HOOK_DEADLINE_MS, milliseconds since the epoch), so the time before node started
 * counts too. Called directly (husky, lefthook), the limit counts from this process's start,
 * node's own start-up included.
 */
function hookDeadline(timeoutSeconds: number): { atMs: number; setByShippedHook: boolean } {
  const passed = Number(process.env.LITECODE_HOOK_DEADLINE_MS);
  if (Number.isSafeInteger(passed) && passed > 0) return { atMs: passed, setByShippedHook: true };
  return { atMs: Math.round(performance.timeOrigin + timeoutSeconds * 1000), setByShippedHook: false };
}

/**
 * Prints the suggestions and returns how many there were (none when the model is not reachable:
 * one line says so). The reachability check has the whole time that is left, not a short timeout
 * of its own: on a busy machine a server that is up can take seconds to answer, and a refused
 * connection fails at once anyway.
 */
async function suggestionCountAsHook(context: CommandContext, argv: SuggestArguments, settings: Settings, deadlineMs: number, signal: AbortSignal): Promise<number> {
  const { probeModelServer } = await import('../../model/model-client.js');
  // A little past the deadline, so that the deadline's one line wins over this one.
  const probe = await probeModelServer(settings, Math.max(1, Math.round(deadlineMs - Date.now())) + 500);
  if (signal.aborted) return 0;
  if (!probe.reachable) {
    process.stderr.write(`litecode: no suggestions, the model is not reachable (${terminalSafeLine(probe.detail)}); the commit goes on\n`);
    return 0;
  }
  const outcome = await suggest(context, { ...argv, write: false }, signal);
  return outcome.files.reduce((sum, file) => sum + file.suggestions.length, 0);
}

/**
 * The time limit is hard: the aborted model calls let the process end by itself, but should
 * anything else still hold it (a slow git, a socket closing), it must not hold the commit too.
 */
function exitEvenIfSomethingHangs(): void {
  setTimeout(() => process.exit(), leaveAfterLimitMs).unref();
}
