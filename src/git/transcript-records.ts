import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Repository } from './repository.js';

/** The model-call log written by the model layer: one JSON record per line. */
export function transcriptFile(repository: Repository): string {
  return join(repository.commonDir, 'litecode', 'transcript.jsonl');
}

/**
 * The transcript records of one run (`runId` field), in file order, for `git litecode show --calls`.
 * A missing file or an unreadable line is skipped: the transcript is a debugging aid, not state.
 */
export async function readTranscriptRecords(repository: Repository, runId: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  const stream = createReadStream(transcriptFile(repository), 'utf8');
  const opened = await new Promise<boolean>((resolve) => {
    stream.once('open', () => resolve(true));
    stream.once('error', () => resolve(false));
  });
  if (!opened) return records;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (!line.includes(runId)) continue;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (record.runId === runId) records.push(record);
    } catch {
      // A line cut short by a killed run.
    }
  }
  return records;
}
