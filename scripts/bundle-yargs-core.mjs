#!/usr/bin/env node
// Part of `npm run build`: yargs' parser core (without its help renderer) as one file,
// dist/cli/yargs-core.bundle.js. Node 20 resolves and reads every ES module file on its own
// (~0.5 ms each); yargs is some twenty files, and one file of the same code starts about
// 20 ms faster, for every command. src/cli/load-yargs.ts uses it when it is there and falls
// back to yargs' own files otherwise.
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const yargsDirectory = dirname(createRequire(`${root}/package.json`).resolve('yargs/package.json'));

await build({
  stdin: {
    contents: [
      "export { YargsFactory } from './build/lib/yargs-factory.js';",
      "export { getProcessArgvBin } from './build/lib/utils/process-argv.js';",
      "export { default as Parser } from 'yargs-parser';",
      "export { default as y18n } from 'y18n';",
      "export { default as escalade } from 'escalade/sync';",
      "export { default as getCallerFile } from 'get-caller-file';",
    ].join('\n'),
    resolveDir: yargsDirectory,
    sourcefile: 'yargs-core-entry.mjs',
    loader: 'js',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: `${root}/dist/cli/yargs-core.bundle.js`,
  legalComments: 'inline',
  logLevel: 'warning',
});
