import { posix } from 'node:path';

/** Words of the request that look like file names: they contain a dot or a slash. */
export function fileTokens(request: string): string[] {
  const tokens = request
    .split(/[\s,;'"`()[\]{}<>]+/)
    .map((token) => token.replace(/^\.\//, '').replace(/[.:;!?]+$/, ''))
    .filter((token) => /[./]/.test(token) && /\w/.test(token));
  return [...new Set(tokens.map((token) => posix.normalize(token)))];
}
