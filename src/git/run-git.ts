import { execFile, spawn } from 'node:child_process';
import { GitStateError } from '../errors/litecode-error.js';

export interface GitCommand {
  args: readonly string[];
  cwd: string;
  /** Extra environment, merged over process.env (for example GIT_INDEX_FILE). */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (for example 1 from `git diff --quiet`). */
  okExitCodes?: readonly number[];
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** git failed. Carries git's own stderr so the user sees git's words. */
export class GitCommandError extends GitStateError {
  constructor(
    readonly args: readonly string[],
    readonly gitExitCode: number,
    readonly stderr: string,
  ) {
    const firstLine = stderr.trim().split('\n').find(Boolean) ?? `exit code ${gitExitCode}`;
    super(`git ${args[0] ?? ''} failed: ${firstLine.replace(/^(fatal|error): /, '')}`);
  }
}

/**
 * Every git call goes through here: an argument array, never a shell string, and
 * `--no-optional-locks` so that reading state never rewrites the user's .git/index.
 */
export function gitArgs(args: readonly string[]): string[] {
  return ['--no-optional-locks', ...args];
}

export function gitEnv(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function runGit(command: GitCommand): Promise<GitResult> {
  return runGitRaw(command).then(({ stdout, stderr, exitCode }) => ({
    stdout: stdout.toString('utf8'),
    stderr,
    exitCode,
  }));
}

/** Like runGit, but stdout as bytes: for blob contents, which may not be UTF-8. */
export function runGitRaw(command: GitCommand): Promise<{ stdout: Buffer; stderr: string; exitCode: number }> {
  const okExitCodes = command.okExitCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      gitArgs(command.args),
      { cwd: command.cwd, env: gitEnv(command.env), encoding: 'buffer', maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const stderrText = stderr.toString('utf8');
        if (error && typeof error.code !== 'number') {
          reject(new GitCommandError(command.args, -1, error.message));
        } else if (!okExitCodes.includes(exitCode)) {
          reject(new GitCommandError(command.args, exitCode, stderrText));
        } else {
          resolve({ stdout, stderr: stderrText, exitCode });
        }
      },
    );
    if (command.input !== undefined) child.stdin?.end(command.input);
    else child.stdin?.end();
  });
}

/** git with the user's terminal: pager, colours and difftools work as they do for plain git. */
export function runGitInteractive(command: { args: readonly string[]; cwd: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...command.args], { cwd: command.cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
