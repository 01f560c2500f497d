import { GitStateError } from '../errors/litecode-error.js';
import type { Repository } from './repository.js';
import { GitCommandError, runGit } from './run-git.js';

export interface Identity {
  name: string;
  email: string;
}

/**
 * The identity git would put on the user's own commits (config or GIT_AUTHOR_* variables).
 * `user.useConfigOnly` (given on the command line, never written) stops git from guessing one
 * from the host name: agent commits carry the user's real name or nothing.
 */
export async function requireIdentity(repository: Repository): Promise<Identity> {
  try {
    const { stdout } = await runGit({ args: ['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT'], cwd: repository.topLevel });
    const match = /^(.*) <(.*)> \d+ [+-]\d{4}$/.exec(stdout.trim());
    if (match && match[1] && match[2]) return { name: match[1], email: match[2] };
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
  }
  throw new GitStateError(
    'no git user identity is configured, and agent commits are made in your name',
    'set it with git config --global user.name "Your Name" && git config --global user.email you@example.com',
  );
}
