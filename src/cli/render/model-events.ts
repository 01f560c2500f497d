import type { AgentEvent } from '../../agent/run-request.js';
import type { ModelEvent } from '../../model/model-client.js';
import { terminalSafeLine } from '../../text/terminal-safe-text.js';
import type { Output } from '../output.js';

/** Progress on a terminal's stderr, and the budget/parse details of each call with --verbose. */
export function describeModelEvent(output: Output, event: ModelEvent | AgentEvent): void {
  switch (event.type) {
    case 'call-start':
      output.verbose(`model: ${event.purpose} call, prompt ${event.promptTokens}/${event.budget.promptLimit} tokens (context ${event.budget.context}, output reserve ${event.budget.outputReserve})`);
      output.progress(`${event.purpose}: waiting for the model…`);
      return;
    case 'progress':
      output.progress(`${event.purpose}: ${event.completionTokens} tokens${event.tokensPerSecond ? `, ${event.tokensPerSecond.toFixed(1)} tokens/s` : ''}`);
      return;
    case 'call-end':
      output.verbose(`model: ${event.purpose} call done in ${event.durationMs} ms${event.parseStep ? `, parsed: ${event.parseStep}` : ''}`);
      return;
    case 'rate-limited':
      output.warn(`rate limited by the provider; waiting ${event.waitSeconds} s`);
      return;
    case 'planned':
      output.verbose(terminalSafeLine(`plan (${event.parseStep}): ${event.plan.kind}; ${event.plan.tasks.map((task) => `${task.action} ${task.file}`).join(', ')}`));
      return;
    case 'file-start':
      output.progress(terminalSafeLine(`${event.action} ${event.path}…`));
      return;
    case 'file-done':
      output.verbose(terminalSafeLine(`${event.path}: ${event.ok ? 'passed' : 'failed'} (${event.detail})`));
      return;
  }
}
