import type { AgentCommit } from '../git/agent-history.js';

/**
 * The agent's memory is its own commits, read back from git: the request, the one-sentence
 * synthesis and the files of the last few changes. There is no memory file.
 */
export interface MemoryEntry {
  sha: string;
  state: AgentCommit['state'];
  branch: string | undefined;
  request: string;
  synthesis: string;
  files: string[];
}

export function memoryFromHistory(commits: readonly AgentCommit[], limit = 3): MemoryEntry[] {
  return commits.slice(0, limit).map((commit) => ({
    sha: commit.sha,
    state: commit.state,
    branch: commit.branch,
    request: commit.metadata.request,
    synthesis: commit.metadata.synthesis,
    files: commit.metadata.files.map((file) => file.path),
  }));
}

/** The memory as prompt text, newest first. */
export function renderMemory(entries: readonly MemoryEntry[]): string {
  if (entries.length === 0) return '';
  const lines = entries.map(
    (entry) => `- ${entry.synthesis} (request: "${entry.request}"; files: ${entry.files.join(', ') || 'none'}; ${entry.state})`,
  );
  return `Your previous changes, newest first:\n${lines.join('\n')}`;
}

const followUpWords = /\b(also|too|as well|additionally|now|instead|again|moreover|furthermore)\b/i;

/**
 * A follow-up ("also add jitter", "now make it configurable") stacks on the newest pending
 * agent branch. Recognised in code, so the model cannot move work onto the wrong branch.
 */
export function readsAsFollowUp(request: string): boolean {
  return followUpWords.test(request);
}

const undoVerb = /^\s*(please\s+)?(undo|revert|roll\s*back)\b/i;
const undoObject = /^\s*(please\s+)?(undo|revert|roll\s*back)\s*[.!]?\s*$|\b(last|latest|previous|that|this|your|it|what you (did|changed|made|wrote)|the (agent'?s? )?(change|commit|edit))\b/i;

/**
 * "undo", "undo the last change", "revert what you did to auth.js": mechanical, no model call.
 * "revert fetchUser to use GET" is an edit, not an undo.
 */
export function readsAsUndo(request: string): boolean {
  return undoVerb.test(request) && undoObject.test(request);
}
