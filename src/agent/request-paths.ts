import { fileTokens } from '../guard/request-file-tokens.js';

const fileExtensions = new Set(
  'js mjs cjs jsx ts tsx mts cts py go rs java kt rb php css scss less html vue svelte md txt json yaml yml toml ini cfg sh bash c h cc cpp hpp cs swift lua sql env xml'.split(' '),
);

/**
 * The request's file-like words ("utils.js", "src/api.ts", `./lib/x.py`, ".env") that end in a
 * known file type, so code can check them against the repository instead of trusting the
 * planner to notice them. "e.g." or "v1.2" are not taken for files.
 */
export function pathsNamedInRequest(request: string): string[] {
  return fileTokens(request).filter((token) => {
    if (token.split('/').includes('..')) return false;
    const dotfile = /^\.[\w-]+$/.exec(token) && fileExtensions.has(token.slice(1));
    const extension = /^[\w@~\-/]*[\w-]\.([A-Za-z]\w{0,9})$/.exec(token)?.[1];
    return Boolean(dotfile || (extension && fileExtensions.has(extension.toLowerCase())));
  });
}
