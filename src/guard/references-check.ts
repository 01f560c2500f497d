import { nameFacts } from '../syntax/name-references.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * References resolve: a plain name the reply uses that the original did not use or bind must be
 * bound in the file (declared, assigned, a parameter, imported) or be a language or runtime
 * global. A call to a helper that is defined nowhere and imported from nowhere is refused.
 *
 * Covered: JavaScript, TypeScript (values; type names are skipped) and Python modules. Skipped,
 * so never refused here: other grammars, JavaScript scripts without import/export/require (they
 * share one global scope with other scripts, which this file cannot see), and Python files with
 * `from x import *`. A name another task of the same plan defines counts only once imported:
 * in a module another file's definition is not in scope, and landing the call without the
 * import is exactly the broken file this check exists to stop.
 */
export async function checkReferences(file: ProposedFile): Promise<CheckVerdict> {
  const after = await nameFacts(file.path, file.proposed);
  if (!after?.closed) return passed;
  const before = file.original === undefined ? undefined : await nameFacts(file.path, file.original);
  const known = new Set([...(before?.used ?? []), ...(before?.bound ?? [])]);
  const unresolved = [...after.used].filter((name) => !after.bound.has(name) && !known.has(name) && !after.globals.has(name));
  if (unresolved.length === 0) return passed;
  const names = unresolved.slice(0, 5).join(', ');
  const plural = unresolved.length > 1;
  const fix = file.symbolMode
    ? `Use only names ${file.path} already defines or imports: in this task you may only change ${file.intendedSymbols.join(', ')}, not add an import or a helper elsewhere in the file.`
    : `Define ${plural ? 'them' : 'it'} in ${file.path} or import ${plural ? 'them' : 'it'} from the file that defines ${plural ? 'them' : 'it'}.`;
  return failed(
    `${file.path}: the reply uses ${names}, which ${plural ? 'are' : 'is'} not defined in ${file.path}, imported, or built in`,
    `Your reply uses ${names}, but ${file.path} neither defines nor imports ${plural ? 'them' : 'it'}. ${fix} Reply with ${expectedReply(file)}.`,
  );
}
