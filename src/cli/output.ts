/**
 * The terminal edge. Results go to stdout (JSON with --json); progress and verbose details go
 * to stderr, and animation only when stderr is a terminal. Colour follows NO_COLOR and TTY.
 */
export class Output {
  readonly color: boolean;
  private readonly progressEnabled: boolean;
  private progressShown = false;

  constructor(private readonly mode: { json: boolean; quiet: boolean; verbose: boolean }) {
    this.color = !mode.json && Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
    this.progressEnabled = !mode.quiet && Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb';
  }

  /** A result line on stdout (suppressed with --json: print data with `json` instead). */
  line(text = ''): void {
    if (this.mode.json) return;
    this.clearProgress();
    process.stdout.write(`${text}\n`);
  }

  /** Informational line on stdout that --quiet hides. */
  info(text = ''): void {
    if (this.mode.quiet) return;
    this.line(text);
  }

  json(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
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
