#!/usr/bin/env node
// Bundles the CLI for start-up, from tsc's output: dist/bundle/main.js, one `light` chunk with
// everything log, status, show and config run (yargs' parser core included), and chunks for the
// other commands' lazily imported actions. Loading ~45 of our modules and ~28 of yargs' one by
// one was most of what a light command cost over `node -e ''`; two files are not.
// dist/ stays as tsc wrote it (tests and benches import its modules); bin/git-litecode.mjs loads
// the bundle. Dependencies still load from node_modules at run time.
//   node scripts/build-bundle.mjs     (run by `npm run build`, after tsc)
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// At the depth of dist/cli/: what our modules resolve from there resolves the same from here.
const outdir = join(dist, 'bundle');
const entry = join(dist, 'cli/main.js');

/**
 * The light commands' modules, in two chunks: `light` (with main's own imports) for log, show and
 * config, and `status` for what status adds, mostly branch naming and node:crypto, which the
 * others do not need. A module goes in the first chunk whose modules import it.
 */
const chunks = {
  light: ['cli/main.js', 'cli/commands/log.js', 'cli/actions/list-agent-commits.js', 'cli/commands/show.js', 'cli/actions/show-change.js', 'cli/commands/config.js', 'config/describe-settings.js', 'config/resolve-settings.js'],
  status: ['cli/commands/status.js', 'cli/actions/pending-status.js'],
};

/**
 * yargs' parser core, bundled in. dist/cli/yargs-core.js imports its files by path at run time
 * (yargs exports only its entry point, which also loads the help renderer); here the same files
 * are imported statically. get-caller-file (CommonJS, only for yargs' commandDir, which we do not
 * use) still loads from node_modules, when called.
 */
function bundledYargsCore() {
  const file = (specifier) => JSON.stringify(fileURLToPath(import.meta.resolve(specifier)));
  const yargs = dirname(fileURLToPath(import.meta.resolve('yargs')));
  // A yargs whose files moved: keep dist's own module, which finds them at run time or falls
  // back to yargs' stock entry point (src/cli/load-yargs.ts), rather than fail the install.
  if (!['build/lib/yargs-factory.js', 'build/lib/utils/process-argv.js'].every((path) => existsSync(join(yargs, path)))) return null;
  return `
import { createRequire } from 'node:module';
import { YargsFactory } from ${JSON.stringify(join(yargs, 'build/lib/yargs-factory.js'))};
import { getProcessArgvBin } from ${JSON.stringify(join(yargs, 'build/lib/utils/process-argv.js'))};
import Parser from ${file('yargs-parser')};
import y18n from ${file('y18n')};
import escalade from ${file('escalade/sync')};
function getCallerFile(position = 2) {
  // One frame more than get-caller-file counts: this wrapper.
  return createRequire(import.meta.url)('get-caller-file')(position + 1);
}
export async function loadYargsCore() {
  return { YargsFactory, getProcessArgvBin, Parser, y18n, escalade, getCallerFile };
}
`;
}

const ourModules = {
  name: 'our-modules',
  load(id) {
    return id === join(dist, 'cli/yargs-core.js') ? bundledYargsCore() : null;
  },
  // Our modules find files next to themselves (package.json, hooks/, bin/, fixtures-repos/) with
  // `new URL(…, import.meta.url)`: in the bundle, a module's import.meta.url stays its URL in dist/.
  resolveImportMeta(property, { moduleId }) {
    if (property !== 'url' || !moduleId.startsWith(`${dist}/`)) return null;
    return `new URL(${JSON.stringify(relative(outdir, moduleId).split('\\').join('/'))}, import.meta.url).href`;
  },
};

/** Each module's chunk: the first of `chunks` whose modules import it, directly or not (dynamic imports aside). */
function chunkOfModule(getModuleInfo) {
  const chunkOf = new Map();
  for (const [chunk, roots] of Object.entries(chunks)) {
    const pending = roots.map((path) => join(dist, path));
    while (pending.length > 0) {
      const id = pending.pop();
      if (chunkOf.has(id)) continue;
      chunkOf.set(id, chunk);
      pending.push(...(getModuleInfo(id)?.importedIds ?? []).filter((imported) => isAbsolute(imported)));
    }
  }
  // The entry stays the entry: main.js, importing the light chunk.
  chunkOf.delete(entry);
  return chunkOf;
}

await rm(outdir, { recursive: true, force: true });
const bundle = await rollup({
  input: { main: entry },
  // Packages (bare specifiers, node: built-ins) load from node_modules at run time, as from dist/.
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
  plugins: [ourModules],
  onwarn(warning, warn) {
    // yargs' compiled TypeScript helpers read a top-level `this`, which ESM makes undefined anyway.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    // yargs' own modules import each other in a cycle; ours would still be reported.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
    warn(warning);
  },
});
let chunkOf;
await bundle.write({
  dir: outdir,
  format: 'es',
  chunkFileNames: '[name]-[hash].js',
  // Linked, for LITECODE_DEBUG=1 (bin/git-litecode.mjs turns source maps on then): stack traces
  // name dist/'s files and lines. Names are not minified either way.
  sourcemap: true,
  manualChunks(id, { getModuleInfo }) {
    chunkOf ??= chunkOfModule(getModuleInfo);
    return chunkOf.get(id);
  },
});
await bundle.close();
