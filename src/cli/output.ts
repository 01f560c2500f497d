import type { Writable } from 'node:stream';
import { terminalSafeJson } from '../text/terminal-safe-text.js';

/**
 * The terminal edge. Results go to stdout (JSON with --json), or to git's pager when a
 * command pages; progress and verbose details go to stderr, and animation only when stderr is
 * a terminal. Colour is decided once, on first use (see decideColor).
 */
export class Output {
  private colorChoice: boolean | undefined;
  private stdout: Writable = process.stdout;
  private readonly progressEnabled: boolean;
  private progressShown = false;

  constructor(
    private readonly mode: { json: boolean; quiet: boolean; verbose: boolean },
    private readonly chooseColor: (stdoutIsTerminal: boolean) => boolean = () => false,
  ) {
    this.progressEnabled = !mode.quiet && Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb';
  }

  /** Whether stdout gets colour; asks git the first time only. */
  get color(): boolean {
    this.colorChoice ??= this.chooseColor(Boolean(process.stdout.isTTY) || this.stdout !== process.stdout);
    return this.colorChoice;
  }

  /** From now on, results go to `stream` (a pager's input); a pager shows colour as a terminal does. */
  sendResultsTo(stream: Writable): void {
    this.stdout = stream;
  }

  /** A result line on stdout (suppressed with --json: print data with `json` instead). */
  line(text = ''): void {
    if (this.mode.json) return;
    this.clearProgress();
    this.stdout.write(`${text}\n`);
  }

  /** Informational line on stdout that --quiet hides. */
  info(text = ''): void {
    if (this.mode.quiet) return;
    this.line(text);
  }

  /** Lossless, with nothing in it a terminal would act on (see terminalSafeJson). */
  json(value: unknown): void {
    this.stdout.write(`${terminalSafeJson(value, 2)}\n`);
  }

  /** A detail for --verbose, on stderr. */
  verbose(text: string): void {
    if (!this.mode.verbose) return;
    this.clearProgress();
    process.stderr.write(`${text}\n`);
  }

  /** A warning on stderr, shown even with --json. */
  warn(text: string): void {
    this.clearProgress();
    process.stderr.write(`${text}\n`);
  }

  /** A one-line, self-overwriting status on stderr; only on a terminal. */
  progress(text: string): void {
    if (!this.progressEnabled) return;
    const width = process.stderr.columns ?? 80;
    process.stderr.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    process.stderr.write('\r\x1b[2K');
    this.progressShown = false;
  }

  paint(style: 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan', text: string): string {
    if (!this.color) return text;
    const codes = { bold: [1, 22], dim: [2, 22], green: [32, 39], red: [31, 39], yellow: [33, 39], cyan: [36, 39] }[style];
    return `\x1b[${codes[0]}m${text}\x1b[${codes[1]}m`;
  }
}
