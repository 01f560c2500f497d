import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

/** A running pager: write the page to `input`, then `finish()`. */
export interface Pager {
  input: Writable;
  /** Ends the page and waits until the user has quit the pager. */
  finish(): Promise<void>;
  /** True once the user quit the pager (its input is closed): stop producing output. */
  readonly closed: boolean;
}

/**
 * Starts git's pager, as git itself would for `git log`: only when stdout is a terminal, not
 * when git already runs one for us (`pager.litecode`, `git -p`: git sets GIT_PAGER_IN_USE),
 * and with the command `git var GIT_PAGER` resolves (GIT_PAGER, core.pager, PAGER, less;
 * `git --no-pager litecode` sets GIT_PAGER=cat). Like git, it runs through the shell with
 * LESS=FRX and LV=-c unless those are set, so a short page prints and exits.
 */
export async function startPager(cwd: string, wanted: boolean): Promise<Pager | undefined> {
  if (!wanted || !process.stdout.isTTY || isTrue(process.env.GIT_PAGER_IN_USE)) return undefined;
  const command = await gitPagerCommand(cwd);
  if (command === undefined || command === '' || command === 'cat') return undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.LESS ??= 'FRX';
  env.LV ??= '-c';
  const child = spawn(command, { shell: true, cwd, env, stdio: ['pipe', 'inherit', 'inherit'] });
  return wrap(child);
}

// While the pager has the terminal, Ctrl-C is the pager's (less stops a search with it); as
// git does, wait for the pager instead of dying under it.
const ignoreSignal = () => {};

function wrap(child: ChildProcess): Pager {
  let closed = false;
  process.on('SIGINT', ignoreSignal);
  const exited = new Promise<void>((resolve) => {
    child.on('error', () => resolve());
    child.on('close', () => resolve());
  });
  const input = child.stdin!;
  // The user quit the pager before the end: the rest of the page has nowhere to go.
  input.on('error', () => {
    closed = true;
  });
  child.on('close', () => {
    closed = true;
  });
  return {
    input,
    get closed() {
      return closed;
    },
    async finish() {
      input.end();
      await exited;
      process.off('SIGINT', ignoreSignal);
    },
  };
}

function gitPagerCommand(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['--no-optional-locks', 'var', 'GIT_PAGER'], { cwd, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
  });
}

/** git's boolean environment values. */
function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}
