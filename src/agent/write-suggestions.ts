import { RefusalError } from '../errors/litecode-error.js';
import type { Settings } from '../config/settings.js';
import { chooseAgentBranch } from '../git/agent-branch.js';
import { commitStagedSnapshot } from '../git/staged-changes.js';
import type { CheckedTask } from '../guard/plan-check.js';
import { createModelClient, type ModelEvent } from '../model/model-client.js';
import { RepositorySnapshot } from './repository-snapshot.js';
import { runEdit, type EditOutcome } from './run-edit.js';
import type { AgentEvent } from './run-request.js';
import type { SuggestOutcome } from './suggest-staged.js';

/**
 * `suggest --write`: the suggestions become an ordinary agent change on litecode/suggest-<short>,
 * based on exactly what is staged and built through the same checked edit path as any request.
 * Each task may change only the symbols that enclose the suggested lines.
 */
export async function writeSuggestions(outcome: SuggestOutcome, settings: Settings, onEvent?: (event: ModelEvent | AgentEvent) => void): Promise<EditOutcome> {
  const { repository } = outcome;
  const withSuggestions = outcome.files.filter((file) => file.suggestions.length > 0);
  if (withSuggestions.length === 0) throw new RefusalError('there are no suggestions to write', 'nothing to do: the staged change looks fine');
  const baseCommit = await commitStagedSnapshot(repository, outcome.headCommit);
  const snapshot = await RepositorySnapshot.load(repository, baseCommit);
  const tasks: CheckedTask[] = [];
  for (const file of withSuggestions) {
    const symbols = await snapshot.symbolsOf(file.path);
    const enclosing = new Set<string>();
    for (const suggestion of file.suggestions) {
      const symbol = symbols.find((entry) => suggestion.line !== undefined && entry.startLine <= suggestion.line && suggestion.line <= entry.endLine);
      if (symbol) enclosing.add(symbol.container ? `${symbol.container}.${symbol.name}` : symbol.name);
    }
    const list = file.suggestions.map((suggestion, index) => `${index + 1}) ${suggestion.line ? `line ${suggestion.line}: ` : ''}${suggestion.message}`);
    tasks.push({ file: file.path, action: 'modify', symbols: [...enclosing], instruction: `Apply these review suggestions: ${list.join(' ')}` });
  }
  const request = `suggest-${outcome.headCommit.slice(0, 7)}`;
  const base = { kind: 'snapshot', commit: baseCommit, headCommit: outcome.headCommit } as const;
  const branch = await chooseAgentBranch(repository, { request, base, forceNew: true, followUp: false });
  const client = await createModelClient({ settings, repository, runId: outcome.runId, onEvent });
  return runEdit({
    repository,
    request: `Apply the review suggestions on the staged change (${withSuggestions.map((file) => file.path).join(', ')})`,
    plan: { kind: 'edit', synthesis: `Applied review suggestions to ${withSuggestions.map((file) => file.path).join(', ')}.`, tasks },
    base,
    branch,
    commitKind: 'suggest',
    snapshot,
    client,
    runId: outcome.runId,
    keepPartial: true,
    check: undefined,
    onEvent,
  });
}
