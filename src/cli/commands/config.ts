import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { modelFlagOptions, settingsFlagsFromArgv, type ModelFlagArguments } from '../../config/model-flags.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

type ConfigArguments = GlobalArguments & ModelFlagArguments;

/**
 * `git litecode config`: every effective setting under its git key name, its value and where it
 * came from, named as `git config --show-scope --show-origin` names it. Read-only.
 */
export const configCommand: CommandModule<object, ConfigArguments> = {
  ...commandText.config,
  builder: (yargs: Argv) => yargs.options(modelFlagOptions) as Argv<ConfigArguments>,
  handler: async (argv: ArgumentsCamelCase<ConfigArguments>) => {
    // Loaded only when this command runs: every command's start-up pays for what it uses.
    const { describeSettings } = await import('../../config/describe-settings.js');
    const { resolveSettings } = await import('../../config/resolve-settings.js');
    const context = commandContext(argv);
    const resolved = await resolveSettings({ cwd: context.cwd, flags: settingsFlagsFromArgv(argv) });
    const lines = describeSettings(resolved);
    if (context.json) {
      context.output.json(
        Object.fromEntries(lines.map((line) => [line.key, { value: line.value, source: line.sourceText, scope: line.scope, origin: line.origin }])),
      );
      return;
    }
    const keyWidth = Math.max(...lines.map((line) => line.key.length));
    const valueWidth = Math.max(...lines.map((line) => String(line.value ?? '(unset)').length));
    for (const line of lines) {
      const value = String(line.value ?? '(unset)');
      context.output.line(`${line.key.padEnd(keyWidth)}  ${value.padEnd(valueWidth)}  ${context.output.paint('dim', `(${line.sourceText})`)}`);
    }
  },
};
