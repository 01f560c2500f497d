const fileExtensions = new Set(
  'js mjs cjs jsx ts tsx mts cts py go rs java kt rb php css scss less html vue svelte md txt json yaml yml toml ini cfg sh bash c h cc cpp hpp cs swift lua sql env xml'.split(' '),
);

/**
 * Path-like words in a request ("utils.js", "src/api.ts", `./lib/x.py`, ".env"), so code can
 * check them against the repository instead of trusting the planner to notice them.
 */
export function pathsNamedInRequest(request: string): string[] {
  const words = request.match(/[\w@~.\-/\\]+/g) ?? [];
  const paths = new Set<string>();
  for (const word of words) {
    const cleaned = word.replace(/\\/g, '/').replace(/^\.\//, '').replace(/[.,;:!?]+$/, '');
    if (cleaned.includes('..')) continue;
    const dotfile = /^\.[\w-]+$/.test(cleaned) && fileExtensions.has(cleaned.slice(1));
    const extension = /^[\w@~\-/]*[\w-]\.([A-Za-z]\w{0,9})$/.exec(cleaned)?.[1];
    if (dotfile || (extension && fileExtensions.has(extension.toLowerCase()))) paths.add(cleaned);
  }
  return [...paths];
}
