import { failed, passed, type CheckVerdict } from './check-result.js';
import type { ProposedFile } from './proposed-file.js';

/** An unchanged file (or an empty new one) means the model did not do the task: a failure, not a success. */
export function checkNoOp(file: ProposedFile): CheckVerdict {
  if (file.original === undefined) {
    if (file.proposed.trim() !== '') return passed;
    return failed(`${file.path}: the reply for the new file is empty`, `Your reply was empty. Write the complete content of the new file ${file.path}: ${file.instruction}`);
  }
  const unchanged = file.proposed === file.original || file.proposed.replace(/\r\n/g, '\n') === file.original.replace(/\r\n/g, '\n');
  if (!unchanged) return passed;
  return failed(
    `${file.path}: the reply is identical to the current file, so the model made no change`,
    `Your reply is identical to the current file: nothing was changed. Make the change the task asks for: ${file.instruction}`,
  );
}
