import { posix } from 'node:path';
import { RefusalError } from '../errors/litecode-error.js';
import { hasControlCharacters } from '../text/terminal-safe-text.js';

/**
 * A path from the model, as a clean repository-relative path (`src/api.js`): quotes and
 * leading `./` stripped, backslashes turned into slashes, `a/../b` collapsed. Refuses absolute
 * paths, paths that climb out of the repository, and anything inside a `.git` directory.
 */
export function normaliseRepositoryPath(raw: string): string {
  const unquoted = raw.trim().replace(/^(["'`])(.*)\1$/s, '$2').trim();
  // A newline or an escape sequence in a name is a model's garbage, and would break the one-line summary.
  if (unquoted === '' || hasControlCharacters(unquoted)) {
    throw new RefusalError(`the plan names an empty or unreadable file path (${JSON.stringify(raw)})`, 'run the request again, naming the file to change');
  }
  const slashed = unquoted.replace(/\\/g, '/');
  if (/^(\/|~|[A-Za-z]:\/)/.test(slashed)) {
    throw new RefusalError(`the plan names an absolute path, ${unquoted}`, 'litecode only edits files inside this repository, named relative to its top level');
  }
  const normalised = posix.normalize(slashed).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (normalised === '' || normalised === '.') {
    throw new RefusalError(`the plan names the repository itself (${unquoted}) instead of a file`, 'run the request again, naming the file to change');
  }
  if (normalised === '..' || normalised.startsWith('../')) {
    throw new RefusalError(`the plan names ${unquoted}, which is outside the repository`, 'litecode only edits files inside this repository');
  }
  if (normalised.split('/').some((segment) => segment.toLowerCase() === '.git')) {
    throw new RefusalError(`the plan names ${unquoted}, inside git's own directory`, 'litecode never edits .git; name a file of the project instead');
  }
  return normalised;
}
