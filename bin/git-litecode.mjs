#!/usr/bin/env node
// git finds this as `git litecode`. `--version` answers before anything heavy loads,
// so that the common probe costs about as much as starting node itself.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`git-litecode ${pkg.version}\n`);
} else {
  // The CLI bundled for start-up (scripts/build-bundle.mjs, run by `npm run build`): a handful
  // of files to load instead of ~70. Stack traces name the TypeScript sources when debugging.
  if (process.env.LITECODE_DEBUG) process.setSourceMapsEnabled(true);
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(args);
}
