import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../git/process-liveness.js';
import type { Repository } from '../git/repository.js';
import { scratchRoot } from '../git/scratch-directory.js';

/**
 * What killed runs of this repository left behind, found without removing anything (for
 * `status`; `gc` removes them with the git layer's pruneScratchLeftovers). Same rules as the
 * pruning: a scratch directory is named `<pid>-…`, a check folder has an owner.json, and only
 * those whose owner process is gone count.
 */
export async function findScratchLeftovers(repository: Repository): Promise<string[]> {
  const scratch = (await listDirectory(scratchRoot(repository)))
    .filter((name) => !isProcessAlive(Number(name.split('-')[0])))
    .map((name) => join(scratchRoot(repository), name));
  const checks: string[] = [];
  for (const name of (await listDirectory(tmpdir())).filter((entry) => entry.startsWith('litecode-check-'))) {
    const owner = await readFile(join(tmpdir(), name, 'owner.json'), 'utf8')
      .then((text) => JSON.parse(text) as { pid?: number; commonDir?: string })
      .catch(() => undefined);
    if (owner && owner.commonDir === repository.commonDir && !isProcessAlive(owner.pid ?? 0)) checks.push(join(tmpdir(), name));
  }
  return [...scratch, ...checks];
}

async function listDirectory(path: string): Promise<string[]> {
  return readdir(path).catch(() => [] as string[]);
}
