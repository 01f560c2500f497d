import { generatedFileFor } from '../syntax/kinds/generated-files.js';
import { UsageError } from '../errors/litecode-error.js';
import type { Settings } from '../config/settings.js';
import { resolveSettings } from '../config/settings.js';
import { findIgnoredPaths } from '../git/ignored-paths.js';
import { discoverRepository, type Repository } from '../git/repository.js';
import { revParse } from '../git/scratch-commit.js';
import { listStagedFiles, readStagedFile, stagedDiff } from '../git/staged-changes.js';
import { createModelClient, newRunId, type ChatMessage, type ModelClient, type ModelEvent } from '../model/model-client.js';
import { fileBlock } from './prompts.js';
import { SuggestionList, type Suggestion } from './suggest-schema.js';

export interface FileSuggestions {
  path: string;
  suggestions: Suggestion[];
}

export interface SuggestOutcome {
  files: FileSuggestions[];
  skipped: { path: string; reason: string }[];
  runId: string;
  repository: Repository;
  headCommit: string;
}

const suggestSystemPrompt = `You review one staged file before it is committed. Reply with JSON only: {"suggestions": [{"line": <line number in the new file>, "kind": "bug" | "error-handling" | "debug-leftover" | "security" | "other", "message": "<one concrete sentence>"}]}.
Give at most 5 suggestions, only concrete ones: bugs, missing error handling, leftover debug code (console.log, print, debugger), secrets. Reply {"suggestions": []} when there is nothing worth saying.`;

/**
 * `git litecode suggest --staged`: one budgeted call per staged file, read from the index
 * (never the working tree). Ignored files never go to a cloud provider; binaries are skipped, and
 * so are lockfiles and other generated files unless asked for: nobody edits them by hand.
 */
export async function suggestForStaged(options: {
  cwd: string;
  settingsFlags: Partial<Settings>;
  onEvent?: (event: ModelEvent) => void;
  /** Aborts the model calls in flight (the pre-commit hook's time limit). */
  signal?: AbortSignal;
  /** Review lockfiles and other generated files too (skipped by default). */
  includeGenerated?: boolean;
}): Promise<SuggestOutcome> {
  const repository = await discoverRepository(options.cwd);
  const staged = await listStagedFiles(repository);
  if (staged.length === 0) throw new UsageError('nothing is staged', 'stage changes with git add, then run git litecode suggest --staged');
  const { settings } = await resolveSettings({ cwd: options.cwd, flags: options.settingsFlags });
  const ignored = settings.provider === 'ollama' ? new Set<string>() : await findIgnoredPaths(repository, staged.map((file) => file.path));
  const skipped: SuggestOutcome['skipped'] = [];
  const reviewable = staged.filter((file) => {
    const generated = generatedFileFor(file.path);
    if (file.binary) skipped.push({ path: file.path, reason: 'binary' });
    else if (generated && !options.includeGenerated) skipped.push({ path: file.path, reason: `written by ${generated.tool}, not reviewed; ${generated.regenerate} regenerates it` });
    else if (ignored.has(file.path)) skipped.push({ path: file.path, reason: 'ignored by git or .litecodeignore; not sent to a cloud provider' });
    else return true;
    return false;
  });
  const headCommit = await revParse(repository, 'HEAD^{commit}');
  const runId = newRunId();
  if (reviewable.length === 0) return { files: [], skipped, runId, repository, headCommit };
  const client = await createModelClient({ settings, repository, runId, onEvent: options.onEvent, signal: options.signal });
  const files: FileSuggestions[] = [];
  for (const file of reviewable) {
    const messages = await suggestionMessages(repository, file.path, client);
    if (!messages) {
      skipped.push({ path: file.path, reason: 'too large for the model context' });
      continue;
    }
    const reply = await client.completeStructured({ purpose: 'suggest', messages, schema: SuggestionList, schemaName: 'suggestions' });
    files.push({ path: file.path, suggestions: reply.value.suggestions.slice(0, 5) });
  }
  return { files, skipped, runId, repository, headCommit };
}

/** The staged file and its diff when they fit; else the diff alone; else nothing. */
async function suggestionMessages(repository: Repository, path: string, client: ModelClient): Promise<ChatMessage[] | undefined> {
  const diff = await stagedDiff(repository, path);
  const content = (await readStagedFile(repository, path)).toString('utf8');
  const candidates = [
    `Staged diff:\n${diff}\n\nThe staged file:\n${fileBlock(path, content)}`,
    `Staged diff:\n${diff}`,
  ];
  for (const body of candidates) {
    const messages: ChatMessage[] = [
      { role: 'system', content: suggestSystemPrompt },
      { role: 'user', content: `File: ${path}\n\n${body}` },
    ];
    if (await client.fits(messages)) return messages;
  }
  return undefined;
}
