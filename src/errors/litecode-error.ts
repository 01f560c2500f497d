/**
 * Every failure the user sees is a LitecodeError: a one-line message, a hint that says what
 * to do next, and the exit code documented in the README.
 */
export const ExitCode = {
  ok: 0,
  refused: 1,
  /** No agent commit to show or undo, no pending branch to apply or drop: as `git commit` with nothing to commit. */
  nothingToActOn: 1,
  usage: 2,
  modelUnavailable: 3,
  gitState: 4,
  /** Ctrl-C, as shells report SIGINT. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A name for each kind of failure, stable for scripts reading `--json` errors. */
export type ErrorCode = 'refused' | 'nothing-to-act-on' | 'usage' | 'model-unavailable' | 'git-state' | 'interrupted' | 'unexpected';

/** One file a check refused: the file, the check, and what the check said. */
export interface FailedCheck {
  file: string;
  check: string;
  message: string;
}

export class LitecodeError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  readonly code: ErrorCode;
  /** The files and checks that failed, when a check refused model output. */
  readonly failures: readonly FailedCheck[];

  constructor(message: string, options: { hint?: string; exitCode: ExitCode; code: ErrorCode; cause?: unknown; failures?: readonly FailedCheck[] }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode;
    this.code = options.code;
    this.failures = options.failures ?? [];
  }

  /** The error as `--json` prints it on stdout. */
  toJson(): { ok: false; code: ErrorCode; exitCode: number; message: string; hint: string | null; file?: string; check?: string; failures?: readonly FailedCheck[] } {
    const [first] = this.failures;
    return {
      ok: false,
      code: this.code,
      exitCode: this.exitCode,
      message: this.message,
      hint: this.hint ?? null,
      ...(first ? { file: first.file, check: first.check, failures: this.failures } : {}),
    };
  }

  /** The single line printed on stderr. */
  toOneLine(): string {
    const text = this.hint ? `${this.message}; ${this.hint}` : this.message;
    return text.replace(/\s*\n\s*/g, ' ');
  }
}

/** A check refused model output, or the request cannot be done safely. Exit 1. */
export class RefusalError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown, failures?: readonly FailedCheck[]) {
    super(message, { hint, exitCode: ExitCode.refused, code: 'refused', cause, failures });
  }
}

/**
 * There is nothing to act on: no agent commit to show or undo, no pending branch to apply or
 * drop. Exit 1, as git exits when there is nothing to commit or no stash entry to pop.
 */
export class NothingToActOnError extends LitecodeError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: ExitCode.nothingToActOn, code: 'nothing-to-act-on' });
  }
}

/** Bad arguments or an unusable request. Exit 2. */
export class UsageError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.usage, code: 'usage', cause });
  }
}

/** The model cannot be reached, is not pulled, rejects the key, or times out. Exit 3. */
export class ModelUnavailableError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.modelUnavailable, code: 'model-unavailable', cause });
  }
}

/** The repository is in a state the command cannot work in. Exit 4. */
export class GitStateError extends LitecodeError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { hint, exitCode: ExitCode.gitState, code: 'git-state', cause });
  }
}
