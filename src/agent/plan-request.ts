import type { ChatMessage, ModelClient, StructuredReply } from '../model/model-client.js';
import { renderRepoMap, requestNamesAFile, type RepoMapFile } from '../syntax/repo-map.js';
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
  input: { request: string; memory: MemoryEntry[]; files: RepoMapFile[]; client: ModelClient },
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
  // A request that names its file gets a small map around it; others get what the budget leaves.
  const wanted = options.mapTokens ?? (requestNamesAFile(input.request, input.files) ? neighbourhoodMapTokens : Number.POSITIVE_INFINITY);
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
  const repoMap = await renderRepoMap({
    request: input.request,
    files: input.files,
    maxTokens: Math.max(0, Math.min(wanted, mapTokens - 32)),
    countTokens: (text) => client.countPromptTokens([{ role: 'user', content: text }]),
    tokensAtMost: (bytes) => client.messageTokensAtMost(bytes),
  });
  const reply = await client.completeStructured({
    purpose: 'plan',
    messages: build(memoryIncluded ? memoryText : '', repoMap),
    schema: Plan,
    schemaName: 'plan',
  });
  return { reply, memoryIncluded, repoMap };
}
