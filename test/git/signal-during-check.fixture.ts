// Run as a child by materialized-worktree-signal.test.ts: materializes HEAD, prints the folder,
// then waits inside the check until the parent sends it a signal.
import { discoverRepository } from '../../src/git/repository.js';
import { withMaterializedTree } from '../../src/git/materialized-worktree.js';

const repository = await discoverRepository(process.argv[2]!);
await withMaterializedTree(repository, 'HEAD', async (tree) => {
  process.stdout.write(`tree ${tree}\n`);
  await new Promise(() => setInterval(() => {}, 1000));
});
