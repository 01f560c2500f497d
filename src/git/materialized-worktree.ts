import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from './process-liveness.js';
import type { Repository } from './repository.js';
import { runGit } from './run-git.js';

const directoryPrefix = 'litecode-check-';
const ownerFile = 'owner.json';
/**
 * owner.json is written right after mkdtemp; a folder still without one after this long was
 * left by a run killed in between, not by a run about to write it.
 */
const ownerlessGraceMs = 60_000;

/**
 * Checks `commit` out into a private folder (os.tmpdir()/litecode-check-XXXXXX/tree), runs `run`
 * there, and removes the folder afterwards: on success, on failure and on SIGINT/SIGTERM.
 *
 * It is not a `git worktree` (never listed as the user's work, never touches the shared config):
 * a temporary index beside the tree, `read-tree` and `checkout-index --prefix`. The user's
 * filters and eol settings apply, so verification commands see what a checkout would give.
 * owner.json names the owning process, so the next run prunes what a SIGKILL left behind.
 */
export async function withMaterializedTree<T>(repository: Repository, commit: string, run: (directory: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), directoryPrefix));
  const removeNow = () => rmSync(root, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    removeNow();
    process.kill(process.pid, signal);
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.once(signal, handler);
  try {
    writeFileSync(join(root, ownerFile), JSON.stringify({ pid: process.pid, commonDir: repository.commonDir, commit }));
    const tree = join(root, 'tree');
    const env = { GIT_INDEX_FILE: join(root, 'index') };
    await runGit({ args: ['read-tree', commit], cwd: repository.topLevel, env });
    await runGit({ args: ['checkout-index', '--all', `--prefix=${tree}/`], cwd: repository.topLevel, env });
    return await run(tree);
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    removeNow();
  }
}

export interface MaterializedLeftover {
  path: string;
  /** The common git dir of the repository whose run left it, as owner.json records it. */
  commonDir: string | undefined;
}

/**
 * Check folders whose owner process is gone, of every repository (they all share os.tmpdir()),
 * found without removing anything.
 */
export async function findMaterializedLeftovers(): Promise<MaterializedLeftover[]> {
  const base = tmpdir();
  const names = (await readdir(base).catch(() => [] as string[])).filter((name) => name.startsWith(directoryPrefix));
  const leftovers: MaterializedLeftover[] = [];
  for (const name of names) {
    const path = join(base, name);
    const owner = await readFile(join(path, ownerFile), 'utf8')
      .then((text) => JSON.parse(text) as { pid?: number; commonDir?: string })
      .catch(() => undefined);
    if (owner) {
      if (!isProcessAlive(owner.pid ?? 0)) leftovers.push({ path, commonDir: owner.commonDir });
    } else if (await isOlderThan(path, ownerlessGraceMs)) {
      // No (readable) owner file: its run was killed before writing it, and no repository is known.
      leftovers.push({ path, commonDir: undefined });
    }
  }
  return leftovers;
}

async function isOlderThan(path: string, ageMs: number): Promise<boolean> {
  const modified = await stat(path).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  return modified !== undefined && Date.now() - modified > ageMs;
}

/** Removes check folders whose owner process is gone; returns their paths. */
export async function pruneMaterializedLeftovers(): Promise<string[]> {
  const leftovers = await findMaterializedLeftovers();
  for (const { path } of leftovers) await rm(path, { recursive: true, force: true });
  return leftovers.map(({ path }) => path);
}
