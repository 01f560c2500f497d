import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { litecodeDir, type Repository } from '../../git/repository.js';

/** What `hook install` changed beyond the hook file itself, so that uninstall can undo exactly that. */
export interface HookInstallRecord {
  hooksDirectory: string;
  /** The hooks directory did not exist and install created it. */
  createdDirectory: boolean;
}

function recordPath(repository: Repository): string {
  return join(litecodeDir(repository), 'hook-install.json');
}

export async function writeHookInstallRecord(repository: Repository, record: HookInstallRecord): Promise<void> {
  await mkdir(litecodeDir(repository), { recursive: true });
  await writeFile(recordPath(repository), `${JSON.stringify(record, null, 2)}\n`);
}

export async function readHookInstallRecord(repository: Repository): Promise<HookInstallRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordPath(repository), 'utf8')) as HookInstallRecord;
  } catch {
    return undefined;
  }
}

export async function removeHookInstallRecord(repository: Repository): Promise<void> {
  await rm(recordPath(repository), { force: true });
}
