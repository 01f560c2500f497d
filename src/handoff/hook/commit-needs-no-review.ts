import { generatedFileFor } from '../../syntax/kinds/generated-files.js';
import { findOperationInProgress } from '../../git/operation-in-progress.js';
import type { Repository } from '../../git/repository.js';
import { listStagedFiles } from '../../git/staged-changes.js';

/**
 * When the pre-commit hook has nothing to say, as the shipped shell hook decides it: git is
 * finishing a merge, rebase, cherry-pick or revert (the change is not the user's new work),
 * or no file is added or changed (an amend that only rewords, an empty or deletion-only commit),
 * or only lockfiles and other generated files are (nothing a person wrote).
 * A bisect does not count: commits made during one are the user's own.
 */
export async function commitNeedsNoReview(repository: Repository): Promise<boolean> {
  const operation = await findOperationInProgress(repository);
  if (operation && operation.marker !== 'BISECT_LOG') return true;
  return (await listStagedFiles(repository)).every((file) => generatedFileFor(file.path) !== undefined);
}
