import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { litecodeDir, type Repository } from '../git/repository.js';

export interface ModelCalibration {
  samples: number;
  /** The largest server count / our raw count seen. */
  maxRatio: number;
  lastServerTokens: number;
  lastOurTokens: number;
}

export type CalibrationFile = { version: 1; models: Record<string, ModelCalibration> };

/** Prompts this small are dominated by the chat template and say little about the tokenizer. */
const minimumSampleTokens = 256;

function calibrationPath(repository: Repository): string {
  return join(litecodeDir(repository), 'calibration.json');
}

export async function readCalibration(repository: Repository): Promise<CalibrationFile> {
  try {
    const parsed = JSON.parse(await readFile(calibrationPath(repository), 'utf8')) as CalibrationFile;
    if (parsed?.version === 1 && typeof parsed.models === 'object' && parsed.models !== null) return parsed;
  } catch {
    // Missing or damaged (a crash mid-write cannot do this, see below): start again from the family margins.
  }
  return { version: 1, models: {} };
}

/** Pure: the file after one more observation. */
export function withObservation(file: CalibrationFile, key: string, serverTokens: number, ourRawTokens: number): CalibrationFile {
  if (ourRawTokens < minimumSampleTokens || serverTokens <= 0) return file;
  const previous = file.models[key];
  const ratio = serverTokens / ourRawTokens;
  return {
    version: 1,
    models: {
      ...file.models,
      [key]: {
        samples: (previous?.samples ?? 0) + 1,
        maxRatio: Math.max(previous?.maxRatio ?? 0, ratio),
        lastServerTokens: serverTokens,
        lastOurTokens: ourRawTokens,
      },
    },
  };
}

let pendingWrite: Promise<unknown> = Promise.resolve();

/**
 * Records one observation. Writes go to a fixed temporary name and are renamed into place,
 * so a crash leaves either the old or the new file (and a temp file the next write replaces).
 */
export function recordCalibration(repository: Repository, key: string, serverTokens: number, ourRawTokens: number): Promise<CalibrationFile> {
  const next = pendingWrite.then(async () => {
    const updated = withObservation(await readCalibration(repository), key, serverTokens, ourRawTokens);
    await mkdir(litecodeDir(repository), { recursive: true });
    const temporary = `${calibrationPath(repository)}.tmp`;
    await writeFile(temporary, `${JSON.stringify(updated, null, 2)}\n`);
    await rename(temporary, calibrationPath(repository));
    return updated;
  });
  pendingWrite = next.catch(() => undefined);
  return next;
}
