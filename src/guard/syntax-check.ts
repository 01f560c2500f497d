import { syntaxErrors } from '../syntax/parse-source.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * The reply parses without errors wherever the original did (a new file must parse).
 * An original that already had errors proves nothing, and a file type without a grammar passes.
 */
export async function checkSyntax(file: ProposedFile): Promise<CheckVerdict> {
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
