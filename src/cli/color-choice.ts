import { execFileSync } from 'node:child_process';
import { colorForPipe, rememberedColorConfig } from '../config/color-config.js';
import { UsageError } from '../errors/litecode-error.js';

/** `--color[=<when>]` and `--no-color`, as git takes them. */
export type ColorWhen = 'always' | 'never' | 'auto';

const whenByWord: Record<string, ColorWhen> = {
  always: 'always',
  true: 'always',
  yes: 'always',
  on: 'always',
  never: 'never',
  false: 'never',
  no: 'never',
  off: 'never',
  auto: 'auto',
};

/**
 * The `--color` option as yargs parsed it: `--color=<when>` is a string, `--no-color` is false.
 * A bare `--color` arrives as `always` (see colorFlagWithValue).
 */
export function colorWhenFromArgv(value: unknown): ColorWhen | undefined {
  if (value === undefined) return undefined;
  if (value === false) return 'never';
  if (value === true || value === '') return 'always';
  const when = whenByWord[String(value).toLowerCase()];
  if (!when) throw new UsageError(`--color takes always, never or auto, not '${String(value)}'`, 'for example --color=always');
  return when;
}

/** git's `--color` takes its value only after `=`: a bare `--color` means always, and the next word is not its value. */
export function colorFlagWithValue(args: readonly string[]): string[] {
  const end = args.indexOf('--');
  return args.map((arg, index) => (arg === '--color' && (end < 0 || index < end) ? '--color=always' : arg));
}

/**
 * Whether to colour stdout, decided as git decides it: the flag, else `color.litecode` (which
 * falls back to `color.ui`, so `git -c color.ui=never litecode …` works), else auto: colour on
 * a terminal or into git's pager. NO_COLOR turns auto off but not an explicit setting, as the
 * NO_COLOR convention asks. One `git config --get-colorbool` call, made only when colour could
 * be used; none into a pipe (no terminal, no pager) when this process already read litecode's
 * settings, whose one `git config` run also listed the entries git decides by (color-config.ts).
 */
export function decideColor(options: { flag: ColorWhen | undefined; json: boolean; cwd: string; stdoutIsTerminal: boolean }): boolean {
  if (options.json) return false;
  if (options.flag === 'always') return true;
  if (options.flag === 'never') return false;
  const noColor = Boolean(process.env.NO_COLOR);
  // With NO_COLOR only an explicit `always` in git config counts: ask as for a pipe, outside any pager.
  const stdoutIsTerminal = noColor ? false : options.stdoutIsTerminal;
  // Off a terminal and outside git's pager only `always` in config colours: decided from the
  // entries already read. A pager in use (GIT_PAGER_IN_USE) brings color.pager in: git decides.
  const remembered = stdoutIsTerminal || (!noColor && process.env.GIT_PAGER_IN_USE !== undefined) ? undefined : rememberedColorConfig(options.cwd);
  if (remembered) return colorForPipe(remembered);
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  if (noColor) delete env.GIT_PAGER_IN_USE;
  try {
    const answer = execFileSync('git', ['--no-optional-locks', 'config', '--get-colorbool', 'color.litecode', String(stdoutIsTerminal)], {
      cwd: options.cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return answer.trim() === 'true';
  } catch {
    // No git, or a directory that is gone: plain text is never wrong.
    return false;
  }
}
