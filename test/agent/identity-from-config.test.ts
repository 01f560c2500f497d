import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredIdentity } from '../../src/config/identity-config.js';
import { readLitecodeGitConfig } from '../../src/config/read-git-config.js';
import { hermeticEnv, useEnv } from '../support/hermetic-env.js';

/**
 * A request knows the user's identity from litecode's one `git config` run when that settles
 * it; whenever it does, git agrees: `git var GIT_AUTHOR_IDENT` (with user.useConfigOnly, as
 * requests ask it) succeeds and gives the same name and email as the identity handed to
 * commit-tree would. Otherwise git is asked, as before.
 */

const env = hermeticEnv({ identity: false });
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-identity-')));
test.after(() => {
  rmSync(dir, { recursive: true, force: true });
  if (env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
});
execFileSync('git', ['init', '-q'], { cwd: dir, env });

function gitIdent(extraEnv: Record<string, string | undefined>): { ok: boolean; ident: string } {
  const result = spawnSync('git', ['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT'], { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  return { ok: result.status === 0, ident: result.stdout.replace(/ \d+ [+-]\d{4}\n$/, '') };
}

type Case = { name: string; config: string; environment?: Record<string, string>; expectKnown?: boolean };
const cases: Case[] = [
  { name: 'user.name and user.email', config: '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n', expectKnown: true },
  { name: 'author.* over user.*', config: '[user]\n\tname = Ada\n\temail = ada@example.com\n[author]\n\tname = Grace\n\temail = grace@example.com\n', expectKnown: true },
  { name: 'the last value wins', config: '[user]\n\tname = First\n\temail = first@example.com\n[user]\n\tname = Second\n', expectKnown: true },
  { name: 'GIT_AUTHOR_* over config', config: '[user]\n\tname = Ada\n\temail = ada@example.com\n', environment: { GIT_AUTHOR_NAME: 'Env Name', GIT_AUTHOR_EMAIL: 'env@example.com' }, expectKnown: true },
  { name: 'crud around the values', config: '[user]\n\tname = "  Ada.  "\n\temail = " ada@example.com;"\n', expectKnown: true },
  { name: 'an email in angle brackets', config: '[user]\n\tname = Ada\n\temail = "<ada@example.com>"\n' },
  { name: 'no email', config: '[user]\n\tname = Ada\n' },
  { name: 'no name', config: '[user]\n\temail = ada@example.com\n' },
  { name: 'nothing', config: '' },
  { name: 'EMAIL does not count with useConfigOnly', config: '[user]\n\tname = Ada\n', environment: { EMAIL: 'ada@example.com' } },
  { name: 'a name of crud only', config: '[user]\n\tname = "..."\n\temail = ada@example.com\n' },
  { name: 'a key without a value', config: '[user]\n\tname\n\temail = ada@example.com\n' },
  { name: 'an empty environment name', config: '[user]\n\tname = Ada\n\temail = ada@example.com\n', environment: { GIT_AUTHOR_NAME: '' } },
  { name: 'angle brackets inside', config: '[user]\n\tname = A<d>a\n\temail = ada@example.com\n' },
];

test('an identity known from the settings read is the one git var gives; unknown ones are left to git', async () => {
  for (const entry of cases) {
    writeFileSync(join(dir, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n${entry.config}`);
    const environment = { ...env, ...entry.environment };
    useEnv(environment);
    await readLitecodeGitConfig(dir);
    const known = configuredIdentity(dir);
    if (entry.expectKnown) assert.ok(known, `${entry.name}: known without git var`);
    if (!known) continue;
    const plain = gitIdent(entry.environment ?? {});
    assert.ok(plain.ok, `${entry.name}: git var agrees there is an identity`);
    const handedOver = gitIdent({ ...entry.environment, GIT_AUTHOR_NAME: known.name, GIT_AUTHOR_EMAIL: known.email });
    assert.is(handedOver.ident, plain.ident, `${entry.name}: the commit gets the identity git var gives`);
  }
});

test.run();
