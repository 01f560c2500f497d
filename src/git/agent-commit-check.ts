import { parseAgentCommitMessage } from './commit-message.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

/** Whether `commit` is an agent commit, by its trailers alone (as undo, drop and apply tell them apart). */
export async function isAgentCommit(repository: Repository, commit: string): Promise<boolean> {
  const { stdout: message } = await runGit({ args: ['log', '-1', '--format=%B', commit, '--'], cwd: repository.topLevel });
  return parseAgentCommitMessage(message) !== undefined;
}
