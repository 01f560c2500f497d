import type { CommandModule } from 'yargs';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';
import { commandText } from './command-list.js';

export const doctorCommand: CommandModule<GlobalArguments, GlobalArguments> = {
  ...commandText.doctor,
  handler: async (argv) => {
    // Loaded only when this command runs: every command's start-up pays for what it uses.
    const { doctorExitCode, formatCheck } = await import('../../handoff/doctor/doctor-check.js');
    const { runDoctor } = await import('../../handoff/doctor/run-doctor.js');
    const context = commandContext(argv);
    const checks = await runDoctor(context.cwd);
    const exitCode = doctorExitCode(checks);
    if (context.json) {
      context.output.json({ ok: exitCode === 0, exitCode, checks });
    } else {
      for (const check of checks) {
        const { verdict, text } = formatCheck(check);
        const style = check.status === 'ok' ? 'green' : check.status === 'fail' ? 'red' : 'dim';
        context.output.line(`${context.output.paint(style, verdict.padEnd(4))}  ${text}`);
      }
    }
    process.exitCode = exitCode;
  },
};
