/**
 * Every failure the user sees is a LitecodeError: a one-line message, a hint that says what
 * to do next, and the exit code documented in the README.
 */
export const ExitCode = {
  ok: 0,
  refused: 1,
  usage: 2,
  modelUnavailable: 3,
  gitState: 4,
  /** Ctrl-C, as shells report SIGINT. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class LitecodeError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(message: string, options: { hint?: string; exitCode: ExitCode; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode;
  }

  /** The single line printed on stderr. */
  toOneLine(): string {
    const text = this.hint ? `${this.message}; ${this.hint}` : this.message;
    return text.replace(/\s*\n\s*/g, ' ');
  }
}

/** A check refused model output, or the request cannot be done safely. Exit 1. */
export class RefusalError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.refused, cause });
  }
}

/** Bad arguments or an unusable request. Exit 2. */
export class UsageError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.usage, cause });
  }
}

/** The model cannot be reached, is not pulled, rejects the key, or times out. Exit 3. */
export class ModelUnavailableError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.modelUnavailable, cause });
  }
}

/** The repository is in a state the command cannot work in. Exit 4. */
export class GitStateError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.gitState, cause });
  }
}
