import type { ChatMessage, ModelClient, StructuredReply } from '../model/model-client.js';
import { mapByteReach, renderRepoMap, requestNamesAFile, type RepoMapFile } from '../syntax/repo-map.js';
import { renderMemory, type MemoryEntry } from './memory.js';
import { Plan } from './plan-schema.js';
import { planSystemPrompt } from './prompts.js';

const minimumMapTokens = 200;
/**
 * The map's budget when the request names its file: that file's outline, its directory and the
 * files that define or use what the request names. bench/plan-budget.mjs measures plan
 * coverage against this budget (bench/README.md has the curve): from about 400 tokens on, every
 * suite task's files and symbols are in the map, on a 10k-file repository too.
 */
export const neighbourhoodMapTokens = 600;

/**
 * Where the map's files come from when they are not a ready list: a source that ranks the
 * repository and checks only as many files as a map of the given byte reach can show.
 */
export interface RepoMapSource {
  /** True when the request names one of the map's files (checked as far as `reachBytes`). */
  namesAFile(request: string, reachBytes: number): Promise<boolean>;
  /**
   * The map's files, ranked; complete and checked as far as `reachBytes` (see mapByteReach).
   * `unrelatedFrom` and `omittedFiles`: as RepoMapInput has them.
   */
  mapFiles(request: string, reachBytes: number): Promise<{ files: RepoMapFile[]; unrelatedFrom?: number; omittedFiles?: number }>;
}

export interface PlanResult {
  reply: StructuredReply<Plan>;
  memoryIncluded: boolean;
  repoMap: string;
}

/**
 * One structured call that classifies and plans. The prompt is the request, the agent's
 * memory and a repository map trimmed to what the budget leaves; memory is dropped first.
 */
export async function requestPlan(
  input: { request: string; memory: MemoryEntry[]; files: RepoMapFile[] | RepoMapSource; client: ModelClient },
  options: { mapTokens?: number } = {},
): Promise<PlanResult> {
  const { client } = input;
  const memoryText = renderMemory(input.memory);
  const build = (memory: string, map: string): ChatMessage[] => [
    { role: 'system', content: planSystemPrompt },
    {
      role: 'user',
      content: [`Request: ${input.request}`, memory ? `\n${memory}` : '', `\nRepository map (path (lines): symbols):\n${map}`].join('\n'),
    },
  ];
  const limit = client.budget.promptLimit;
  const source = input.files;
  const tokensAtMost = (bytes: number) => client.messageTokensAtMost(bytes);
  const namesAFile = Array.isArray(source)
    ? () => Promise.resolve(requestNamesAFile(input.request, source))
    : () => source.namesAFile(input.request, mapByteReach(neighbourhoodMapTokens, tokensAtMost));
  // A request that names its file gets a small map around it; others get what the budget leaves.
  const wanted = options.mapTokens ?? ((await namesAFile()) ? neighbourhoodMapTokens : Number.POSITIVE_INFINITY);
  /** Room left for the map; the byte bound answers when it leaves the wanted room, the tokenizer otherwise. */
  const roomBeside = async (messages: ChatMessage[]): Promise<number> => {
    const bound = client.promptTokensAtMost(messages);
    return limit - (bound + wanted <= limit ? bound : await client.countPromptTokens(messages));
  };
  let memoryIncluded = memoryText !== '';
  let mapTokens = await roomBeside(build(memoryIncluded ? memoryText : '', ''));
  if (memoryIncluded && mapTokens < minimumMapTokens) {
    memoryIncluded = false;
    mapTokens = await roomBeside(build('', ''));
  }
  const maxTokens = Math.max(0, Math.min(wanted, mapTokens - 32));
  const { files, unrelatedFrom, omittedFiles } = Array.isArray(source)
    ? { files: source, unrelatedFrom: undefined, omittedFiles: undefined }
    : await source.mapFiles(input.request, mapByteReach(maxTokens, tokensAtMost));
  const repoMap = await renderRepoMap({
    request: input.request,
    files,
    unrelatedFrom,
    omittedFiles,
    maxTokens,
    countTokens: (text) => client.countPromptTokens([{ role: 'user', content: text }]),
    tokensAtMost,
  });
  const reply = await client.completeStructured({
    purpose: 'plan',
    messages: build(memoryIncluded ? memoryText : '', repoMap),
    schema: Plan,
    schemaName: 'plan',
  });
  return { reply, memoryIncluded, repoMap };
}
