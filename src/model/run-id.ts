import { randomBytes } from 'node:crypto';

/** Sortable by time, unique enough to tell runs apart in one transcript. */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
