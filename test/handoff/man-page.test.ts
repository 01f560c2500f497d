import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandModules } from '../../src/cli/commands/index.js';
import { settingKeys } from '../../src/config/setting-keys.js';

const manPage = fileURLToPath(new URL('../../man/git-litecode.1', import.meta.url));
const source = readFileSync(manPage, 'utf8');

/** The page as a reader sees it: groff when installed, else the roff source without font escapes. */
function rendered(): string {
  const groff = spawnSync('groff', ['-man', '-Tascii', '-ww', '-rLL=200n', manPage], { encoding: 'utf8' });
  if (groff.error) return source.replace(/\\f[BIRP]/g, '').replace(/\\-/g, '-');
  assert.is(groff.status, 0, groff.stderr);
  assert.is(groff.stderr, '', 'groff warns about nothing');
  return groff.stdout.replace(/.\x08/g, '');
}
const text = rendered();

test('names every command the CLI registers', () => {
  const names = commandModules
    .flatMap((module) => (Array.isArray(module.command) ? module.command : [module.command]))
    .map((command) => String(command).split(' ')[0]!)
    .filter((name) => name !== '$0');
  assert.ok(names.length >= 12, names.join(' '));
  for (const name of [...names, 'completion']) assert.match(text, new RegExp(`git litecode ${name}\\b`), `${name} is in the synopsis`);
});

test('documents every config key, its environment variables, and the exit codes', () => {
  for (const key of settingKeys) {
    if (key.gitKey) assert.ok(text.includes(key.gitKey), `${key.gitKey} is documented`);
    for (const variable of key.environment) assert.ok(text.includes(variable), `${variable} is documented`);
  }
  const exitStatus = text.slice(text.indexOf('EXIT STATUS'));
  for (const [code, meaning] of [['0', 'Success'], ['1', 'Refused'], ['2', 'Usage'], ['3', 'The model is unavailable'], ['4', 'Git state']]) {
    assert.match(exitStatus, new RegExp(`\\n\\s+${code}\\s+${meaning}`), `exit ${code}`);
  }
});

test.run();
