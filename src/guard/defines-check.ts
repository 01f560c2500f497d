import { languageForPath } from '../syntax/languages.js';
import { findSymbol, outlineSymbols } from '../syntax/outline.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * A created code file defines the symbols the plan says it does: a new `retry.js` planned with
 * `symbols: ["withRetry"]` that does not define withRetry leaves every caller broken. Only files
 * with a grammar, whose outline is exact; keys of data files are checked by the data-file checks.
 */
export async function checkDefines(file: ProposedFile): Promise<CheckVerdict> {
  if (file.original !== undefined || file.intendedSymbols.length === 0 || !languageForPath(file.path)) return passed;
  const symbols = await outlineSymbols(file.path, file.proposed);
  const missing = file.intendedSymbols.filter((name) => name.trim() !== '' && !findSymbol(symbols, name));
  if (missing.length === 0) return passed;
  const names = missing.join(', ');
  return failed(
    `${file.path}: the new file does not define ${names}, which the plan says it defines`,
    `Your reply does not define ${names}; the task says the new file ${file.path} defines ${file.intendedSymbols.join(', ')}. Reply with ${expectedReply(file)}, defining ${names} under exactly that name.`,
  );
}
