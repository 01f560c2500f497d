import type { AgentCommit } from '../../git/agent-history.js';
import { countNoun } from '../count-noun.js';

/** An agent commit as `log --json` and `show --json` print it. */
export function agentCommitJson(commit: AgentCommit): Record<string, unknown> {
  return { sha: commit.sha, parents: commit.parents, branch: commit.branch ?? null, state: commit.state, date: commit.date.toISOString(), ...commit.metadata };
}

/** "3 minutes ago", as git's relative dates. */
export function describeAge(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  const units: [number, string][] = [
    [365 * 86400, 'year'],
    [30 * 86400, 'month'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${countNoun(count, name)} ago`;
  }
  return 'just now';
}
