import { LitecodeError, ExitCode } from '../errors/litecode-error.js';

/** Ctrl-C: the work is aborted cleanly; nothing half-done is committed. */
export class InterruptedError extends LitecodeError {
  constructor() {
    super('interrupted; nothing was committed', { hint: 'run the request again when ready', exitCode: ExitCode.interrupted });
  }
}

/**
 * Runs `work` with an AbortSignal tied to SIGINT/SIGTERM. The first signal aborts the model
 * call so the scratch area is cleaned up on the way out; a second one exits at once.
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(ExitCode.interrupted);
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (interrupted) throw new InterruptedError();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
