import { RefusalError } from '../errors/litecode-error.js';
import type { Repository } from '../git/repository.js';
import { runGit } from '../git/run-git.js';
import type { CheckedTask } from '../guard/plan-check.js';
import { languageForPath } from '../syntax/languages.js';
import { renameIdentifier } from '../syntax/identifier-rename.js';
import { syntaxErrors } from '../syntax/parse-source.js';
import { findSymbol, outlineSymbols } from '../syntax/outline.js';

export interface RenamedFile {
  path: string;
  content: string;
  occurrences: number;
}

export interface RenameResult {
  files: RenamedFile[];
  /** Files that mention the name but are not code we can parse (docs, data): left unchanged. */
  mentionsLeft: string[];
}

/**
 * A rename is executed in code, never by the model: identifier nodes only (not comments or
 * strings), in the target file and in every tracked file that refers to the old name.
 */
export async function renameSymbol(input: {
  repository: Repository;
  commit: string;
  task: CheckedTask;
  readText: (path: string) => Promise<string>;
}): Promise<RenameResult> {
  const { task } = input;
  const oldName = task.symbols[0];
  const newName = task.newName;
  if (!oldName || !newName) throw new RefusalError(`the rename of ${task.file} names no symbol or no new name`, 'say which function to rename and to what');
  const simpleOldName = oldName.split('.').pop()!;
  const targetText = await input.readText(task.file);
  if (findSymbol(await outlineSymbols(task.file, targetText), newName)) {
    throw new RefusalError(`${newName} already exists in ${task.file}`, 'choose a new name that is not taken');
  }
  const candidates = await filesMentioning(input.repository, input.commit, simpleOldName);
  if (!candidates.includes(task.file)) candidates.unshift(task.file);
  const files: RenamedFile[] = [];
  const mentionsLeft: string[] = [];
  for (const path of candidates) {
    if (!languageForPath(path)) {
      if (path === task.file) throw new RefusalError(`cannot rename safely in ${path}: its language is not supported`, 'rename it by hand');
      mentionsLeft.push(path);
      continue;
    }
    const text = path === task.file ? targetText : await input.readText(path);
    const renamed = await renameIdentifier(path, text, simpleOldName, newName);
    if (renamed.occurrences === 0) continue;
    await refuseUnsafeRename(path, text, renamed.text, newName);
    files.push({ path, content: renamed.text, occurrences: renamed.occurrences });
  }
  if (!files.some((file) => file.path === task.file)) {
    throw new RefusalError(`${oldName} was not found as an identifier in ${task.file}`, 'check the name and the file');
  }
  return { files, mentionsLeft };
}

/**
 * The new name must not already name something in the file (an import, a local, another
 * function: the rename would silently rebind it), and the renamed file must still parse (a
 * reserved word such as `delete` does not).
 */
async function refuseUnsafeRename(path: string, before: string, after: string, newName: string): Promise<void> {
  if ((await renameIdentifier(path, before, newName, newName)).occurrences > 0) {
    throw new RefusalError(`${newName} is already used in ${path}, so the rename would clash with it`, 'choose a name that is not taken');
  }
  const errorsBefore = (await syntaxErrors(path, before))?.length ?? 0;
  const errorsAfter = await syntaxErrors(path, after);
  if (errorsAfter && errorsAfter.length > errorsBefore) {
    const [first] = errorsAfter;
    throw new RefusalError(`renaming to ${newName} breaks the syntax of ${path} (line ${first!.line})`, 'choose a valid identifier that is not a reserved word');
  }
}

/** `git grep -w` over the commit's tree: the cheap first pass that tree-sitter then confirms. */
async function filesMentioning(repository: Repository, commit: string, word: string): Promise<string[]> {
  const { stdout } = await runGit({
    args: ['grep', '-l', '-z', '-w', '-F', '-I', '-e', word, commit, '--'],
    cwd: repository.topLevel,
    okExitCodes: [0, 1],
  });
  const prefix = `${commit}:`;
  return stdout
    .split('\0')
    .filter(Boolean)
    .map((entry) => (entry.startsWith(prefix) ? entry.slice(prefix.length) : entry));
}
