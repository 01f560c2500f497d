import { join } from 'node:path';
import type { Repository } from '../git/repository.js';

/** litecode's own files live in the shared git dir, never in the working tree. */
export function litecodeDir(repository: Repository): string {
  return join(repository.commonDir, 'litecode');
}
