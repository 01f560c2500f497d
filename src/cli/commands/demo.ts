import type { ArgumentsCamelCase, CommandModule } from 'yargs';
import { RefusalError } from '../../errors/litecode-error.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export const demoCommand: CommandModule<object, GlobalArguments> = {
  ...commandText.demo,
  handler: async (argv: ArgumentsCamelCase<GlobalArguments>) => {
    const context = commandContext(argv);
    const { runDemo } = await import('../../demo/run-demo.js');
    const result = await runDemo(context.output);
    if (context.json) context.output.json(result);
    const failed = result.steps.filter((step) => step.exitCode !== 0).length;
    if (failed > 0) throw new RefusalError(`${failed} demo step(s) failed`, `see the output above; the demo repository is ${result.repository}`);
  },
};
