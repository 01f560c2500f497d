import type { TranscriptRecord } from '../../model/model-client.js';
import { terminalSafeLine, terminalSafeText } from '../../text/terminal-safe-text.js';

/**
 * One line per model call: what it was for, the budget it was held to, what came back. The
 * prompt and reply themselves follow with --verbose (they can be long); --json has everything.
 */
export function describeCall(call: TranscriptRecord, verbose: boolean): string[] {
  const server = call.tokens.server === null ? '' : `, server counted ${call.tokens.server}`;
  const completion = call.tokens.completion === null ? '' : `, reply ${call.tokens.completion} tokens`;
  const outcome = call.error ? `failed: ${call.error}` : call.parseStep ? `parsed: ${call.parseStep}` : (call.doneReason ?? 'done');
  const lines = [
    terminalSafeLine(`call     ${call.purpose}: prompt ${call.tokens.ours}/${call.budget.promptLimit} tokens (context ${call.budget.context}${server})${completion}, ${(call.durationMs / 1000).toFixed(1)} s, ${outcome}`),
  ];
  if (verbose) {
    // The transcript file keeps the raw text; the terminal gets it without escape sequences.
    for (const message of call.messages) lines.push(indent(terminalSafeText(`[${message.role}]\n${message.content}`)));
    if (call.reply !== null) lines.push(indent(terminalSafeText(`[reply]\n${call.reply}`)));
  }
  return lines;
}

function indent(text: string): string {
  return text.replace(/^/gm, '         ');
}
