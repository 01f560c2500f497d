import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Provider } from '../config/setting-types.js';
import { litecodeDir, type Repository } from '../git/repository.js';
import type { CallPurpose, ChatMessage, ParseStep } from './model-types.js';

/** One model call, as `git litecode show` prints it. Never contains an API key. */
export interface TranscriptRecord {
  time: string;
  runId: string;
  provider: Provider;
  model: string;
  purpose: CallPurpose;
  messages: ChatMessage[];
  reply: string | null;
  doneReason: string | null;
  tokens: { ours: number; server: number | null; completion: number | null };
  budget: { context: number; outputReserve: number; promptLimit: number; margin: number };
  durationMs: number;
  parseStep: ParseStep | null;
  error: string | null;
}

export function transcriptPath(repository: Repository): string {
  return join(litecodeDir(repository), 'transcript.jsonl');
}

let pendingAppend: Promise<unknown> = Promise.resolve();

/**
 * Appends records as whole lines, one append at a time, with every occurrence of each
 * secret replaced: a key can reach a message through a file the user asked about.
 */
export function appendTranscript(repository: Repository, records: readonly TranscriptRecord[], secrets: readonly string[]): Promise<void> {
  if (records.length === 0) return Promise.resolve();
  const text = records.map((record) => redact(JSON.stringify(record), secrets)).join('\n') + '\n';
  const next = pendingAppend.then(async () => {
    await mkdir(litecodeDir(repository), { recursive: true });
    await appendFile(transcriptPath(repository), text);
  });
  pendingAppend = next.catch(() => undefined);
  return next;
}

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 8) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/** Every record of one run, oldest first. Lines a crash cut short are skipped. */
export async function readTranscript(repository: Repository, runId: string): Promise<TranscriptRecord[]> {
  let text: string;
  try {
    text = await readFile(transcriptPath(repository), 'utf8');
  } catch {
    return [];
  }
  const records: TranscriptRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes(runId)) continue;
    try {
      const record = JSON.parse(line) as TranscriptRecord;
      if (record.runId === runId) records.push(record);
    } catch {
      // A partial last line from an interrupted run.
    }
  }
  return records;
}
