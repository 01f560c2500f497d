import { languageForPath } from '../syntax/languages.js';
import { errorNodes, withSyntaxTree } from '../syntax/parse-source.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * A cut-off reply: the provider said it stopped at the length limit, or the file ends in the
 * middle of a construct (a parse error that reaches the end of the file) where the original
 * parsed cleanly.
 */
export async function checkTruncation(file: ProposedFile): Promise<CheckVerdict> {
  const feedback = `Your reply was cut off before the end of the file. Reply with ${expectedReply(file)}, complete to the last line, and nothing else.`;
  if (file.doneReason === 'length') {
    return failed(`${file.path}: the reply was cut off at the model's output limit`, feedback);
  }
  const language = languageForPath(file.path);
  if (!language) return passed;
  if (file.original !== undefined && (await hasErrors(language, file.original))) return passed;
  const contentEnd = file.proposed.trimEnd().length;
  const endsMidConstruct = await withSyntaxTree(language, file.proposed, (tree) =>
    errorNodes(tree.rootNode).some((node) => node.endIndex >= contentEnd),
  );
  if (!endsMidConstruct) return passed;
  const lastLine = file.proposed.trimEnd().split('\n').at(-1)?.trim() ?? '';
  return failed(`${file.path}: the reply ends in the middle of the code (last line: ${JSON.stringify(lastLine.slice(0, 60))})`, feedback);
}

async function hasErrors(language: Parameters<typeof withSyntaxTree>[0], text: string): Promise<boolean> {
  return withSyntaxTree(language, text, (tree) => errorNodes(tree.rootNode).length > 0);
}
