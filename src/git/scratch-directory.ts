import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-liveness.js';
import type { Repository } from './repository.js';

/**
 * Short-lived private files (a temporary index, merge inputs) live in
 * `<commonDir>/litecode/scratch/<pid>-<random>/`: never in the user's working tree, and named
 * after their owner so that a later run can tell a killed run's leftovers from a live one.
 */
export function scratchRoot(repository: Repository): string {
  return join(repository.commonDir, 'litecode', 'scratch');
}

export async function withScratchDirectory<T>(repository: Repository, run: (directory: string) => Promise<T>): Promise<T> {
  const directory = join(scratchRoot(repository), `${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(directory, { recursive: true });
  try {
    return await run(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Removes scratch directories whose owning process is gone; returns their paths. */
export async function pruneDeadScratchDirectories(repository: Repository): Promise<string[]> {
  const root = scratchRoot(repository);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    if (isProcessAlive(pid)) continue;
    const path = join(root, name);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
