import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-liveness.js';
import { litecodeDir, type Repository } from './repository.js';

/**
 * Short-lived private files (a temporary index, merge inputs) live in
 * `<commonDir>/litecode/scratch/<pid>-<random>/`: never in the user's working tree, and named
 * after their owner so that a later run can tell a killed run's leftovers from a live one.
 */
export function scratchRoot(repository: Repository): string {
  return join(litecodeDir(repository), 'scratch');
}

export async function withScratchDirectory<T>(repository: Repository, run: (directory: string) => Promise<T>): Promise<T> {
  // Loaded here: log, show and status import this module only to find leftovers, and node:crypto
  // costs them a noticeable part of their start-up.
  const { randomBytes } = await import('node:crypto');
  const directory = join(scratchRoot(repository), `${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(directory, { recursive: true });
  try {
    return await run(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Scratch directories whose owning process is gone, found without removing anything. */
export async function findDeadScratchDirectories(repository: Repository): Promise<string[]> {
  const root = scratchRoot(repository);
  const names = await readdir(root).catch(() => [] as string[]);
  return names.filter((name) => !isProcessAlive(Number(name.split('-')[0]))).map((name) => join(root, name));
}

/** Removes scratch directories whose owning process is gone; returns their paths. */
export async function pruneDeadScratchDirectories(repository: Repository): Promise<string[]> {
  const dead = await findDeadScratchDirectories(repository);
  for (const path of dead) await rm(path, { recursive: true, force: true });
  return dead;
}
