import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { LitecodeError, UsageError } from '../../errors/litecode-error.js';
import { modelFlagOptions, resolveSettings, settingsFlagsFromArgv, type ModelFlagArguments } from '../../config/settings.js';
import { commandContext, type CommandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { describeModelEvent } from '../render/model-events.js';
import { printRunOutcome } from '../render/run-outcome.js';
import type { SuggestOutcome } from '../../agent/suggest-staged.js';

interface SuggestArguments extends GlobalArguments, ModelFlagArguments {
  staged?: boolean;
  write?: boolean;
  hook?: boolean;
}

const hookProbeTimeoutMs = 700;

async function handler(argv: ArgumentsCamelCase<SuggestArguments>) {
  const context = commandContext(argv);
  if (!argv.staged) throw new UsageError('suggest works on the staged change', 'run git litecode suggest --staged');
  if (argv.hook) {
    await runAsHook(context, argv);
    return;
  }
  await suggest(context, argv);
}

async function suggest(context: CommandContext, argv: SuggestArguments): Promise<SuggestOutcome> {
  const { suggestForStaged } = await import('../../agent/suggest-staged.js');
  const flags = settingsFlagsFromArgv(argv);
  const outcome = await suggestForStaged({ cwd: context.cwd, settingsFlags: flags, onEvent: (event) => describeModelEvent(context.output, event) });
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
    output.line(output.paint('bold', file.path));
    for (const suggestion of file.suggestions) {
      output.line(`  ${String(suggestion.line ?? '').padStart(4)}  ${suggestion.kind.padEnd(14)}  ${suggestion.message}`);
    }
  }
  for (const skipped of outcome.skipped) output.info(output.paint('dim', `${skipped.path}: skipped (${skipped.reason})`));
  if (outcome.files.every((file) => file.suggestions.length === 0)) output.info('litecode: no suggestions for the staged change');
}

/**
 * Inside the pre-commit hook the commit always goes on: one line for any problem, exit 0,
 * unless litecode.hook.block=true and there are suggestions.
 */
async function runAsHook(context: CommandContext, argv: SuggestArguments): Promise<void> {
  if (process.env.CI || process.env.LITECODE_SKIP === '1') return;
  try {
    const { settings } = await resolveSettings({ cwd: context.cwd, flags: settingsFlagsFromArgv(argv) });
    const { probeModelServer } = await import('../../model/model-client.js');
    const probe = await probeModelServer(settings, hookProbeTimeoutMs);
    if (!probe.reachable) {
      process.stderr.write(`litecode: no suggestions, the model is not reachable (${probe.detail}); the commit goes on\n`);
      return;
    }
    const outcome = await suggest(context, { ...argv, write: false });
    const count = outcome.files.reduce((sum, file) => sum + file.suggestions.length, 0);
    if (settings.hookBlock && count > 0) {
      process.stderr.write(`litecode: ${count} suggestion(s); the commit is blocked because litecode.hook.block=true\n`);
      process.exitCode = 1;
    }
  } catch (error) {
    const line = error instanceof LitecodeError ? error.toOneLine() : error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof UsageError && /nothing is staged/.test(error.message)) return;
    process.stderr.write(`litecode: no suggestions (${line}); the commit goes on\n`);
  }
}

export const suggestCommand: CommandModule<object, SuggestArguments> = {
  command: 'suggest',
  describe: 'Review the staged change with the model: a few concrete suggestions per file',
  builder: (yargs: Argv) =>
    yargs
      .options(modelFlagOptions)
      .option('staged', { type: 'boolean', default: false, describe: 'Review what is staged (required)' })
      .option('write', { type: 'boolean', default: false, describe: 'Turn the suggestions into a litecode/suggest-<short> branch, through the checked edit path' })
      .option('hook', { type: 'boolean', default: false, hidden: true, describe: 'Run as the pre-commit hook: never fail the commit' }) as Argv<SuggestArguments>,
  handler,
};
