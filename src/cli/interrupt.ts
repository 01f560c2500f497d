import { LitecodeError, ExitCode } from '../errors/litecode-error.js';

/** Ctrl-C: the work is aborted cleanly; nothing half-done is committed. */
export class InterruptedError extends LitecodeError {
  constructor() {
    super('interrupted; nothing was committed', { hint: 'run the request again when ready', exitCode: ExitCode.interrupted, code: 'interrupted' });
  }
}

/**
 * One Ctrl-C can arrive twice: the terminal signals the whole foreground process group, and
 * `git litecode` (git running git-litecode) forwards the same SIGINT to its child. Signals
 * within this window of the first are that same keypress.
 */
export const sameKeypressWindowMs = 1000;

/**
 * Runs `work` with an AbortSignal tied to SIGINT/SIGTERM. The first signal aborts the model
 * call so the scratch area is cleaned up on the way out; a second one, pressed later, exits
 * at once.
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interruptedAt: number | undefined;
  const onSignal = () => {
    const now = performance.now();
    if (interruptedAt !== undefined) {
      if (now - interruptedAt >= sameKeypressWindowMs) process.exit(ExitCode.interrupted);
      return;
    }
    interruptedAt = now;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (interruptedAt !== undefined) throw new InterruptedError();
    throw error;
  } finally {
    // After a Ctrl-C the handlers stay: git's forwarded copy may arrive only now, and must not
    // kill the process before it prints its one line.
    if (interruptedAt === undefined) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
