import { dialectName, fileKindFor, type FileKind } from '../syntax/kinds/file-kind.js';
import { formProblem } from '../syntax/kinds/well-formed.js';
import { syntaxErrors } from '../syntax/parse-source.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * The reply parses without errors wherever the original did (a new file must parse).
 * An original that already had errors proves nothing, and a file type without a grammar passes.
 * Data, prose and build files are checked in their own dialect (src/syntax/kinds/well-formed.ts).
 */
export async function checkSyntax(file: ProposedFile): Promise<CheckVerdict> {
  const kind = fileKindFor(file.path);
  if (kind.family !== 'code') return checkForm(file, kind);
  if (file.original !== undefined) {
    const originalErrors = await syntaxErrors(file.path, file.original);
    if (originalErrors === undefined || originalErrors.length > 0) return passed;
  }
  const errors = await syntaxErrors(file.path, file.proposed);
  if (!errors?.length) return passed;
  const first = errors[0]!;
  const where = errors
    .slice(0, 3)
    .map((error) => `line ${error.line}: ${error.excerpt}`)
    .join('; ');
  return failed(
    `${file.path}: the reply does not parse (syntax error at line ${first.line}, column ${first.column})`,
    `Your reply has a syntax error (${where}). Fix it and reply with ${expectedReply(file)}.`,
  );
}

/** The reply is well-formed in the dialect its original used: JSON stays JSON, a Makefile keeps its tabs. */
async function checkForm(file: ProposedFile, kind: FileKind): Promise<CheckVerdict> {
  const problem = await formProblem(kind, file.original, file.proposed);
  if (!problem) return passed;
  const dialect = dialectName(kind);
  return failed(
    `${file.path}: the reply is not valid ${dialect} (line ${problem.line}: ${problem.message})`,
    `Your reply is not valid ${dialect}: line ${problem.line}: ${problem.message}. Fix it and reply with ${expectedReply(file)}.`,
  );
}
