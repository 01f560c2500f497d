// Run as a child by scratch-commit.test.ts: starts an agent commit, and SIGKILLs itself after
// every object is written and while a scratch directory exists, just before the ref update.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { discoverRepository } from '../../src/git/repository.js';
import { commitChanges } from '../../src/git/scratch-commit.js';
import { scratchRoot } from '../../src/git/scratch-directory.js';

const repository = await discoverRepository(process.argv[2]!);
const scratch = join(scratchRoot(repository), `${process.pid}-killed`);
mkdirSync(scratch, { recursive: true });
process.stdout.write(`scratch ${scratch}\n`);
await commitChanges(repository, {
  parent: 'HEAD',
  changes: [{ kind: 'write', path: 'src/api.js', content: Buffer.from('killed run\n') }],
  message: 'killed\n\nLitecode-Kind: edit\nLitecode-Request: killed\n',
  branch: 'litecode/killed',
  expectedOldValue: null,
  beforeRefUpdate: async (commit) => {
    process.stdout.write(`objects written ${commit}\n`);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {});
  },
});
