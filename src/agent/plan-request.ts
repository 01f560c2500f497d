import type { ChatMessage, ModelClient, StructuredReply } from '../model/model-client.js';
import { renderRepoMap, type RepoMapFile } from '../syntax/repo-map.js';
import { renderMemory, type MemoryEntry } from './memory.js';
import { Plan } from './plan-schema.js';
import { planSystemPrompt } from './prompts.js';

const minimumMapTokens = 200;

export interface PlanResult {
  reply: StructuredReply<Plan>;
  memoryIncluded: boolean;
  repoMap: string;
}

/**
 * One structured call that classifies and plans. The prompt is the request, the agent's
 * memory and a repository map trimmed to what the budget leaves; memory is dropped first.
 */
export async function requestPlan(input: { request: string; memory: MemoryEntry[]; files: RepoMapFile[]; client: ModelClient }): Promise<PlanResult> {
  const { client } = input;
  const memoryText = renderMemory(input.memory);
  const build = (memory: string, map: string): ChatMessage[] => [
    { role: 'system', content: planSystemPrompt },
    {
      role: 'user',
      content: [`Request: ${input.request}`, memory ? `\n${memory}` : '', `\nRepository map (path (lines): symbols):\n${map}`].join('\n'),
    },
  ];
  let memoryIncluded = memoryText !== '';
  let mapTokens = client.budget.promptLimit - (await client.countPromptTokens(build(memoryIncluded ? memoryText : '', '')));
  if (memoryIncluded && mapTokens < minimumMapTokens) {
    memoryIncluded = false;
    mapTokens = client.budget.promptLimit - (await client.countPromptTokens(build('', '')));
  }
  const countTokens = async (text: string) => client.countPromptTokens([{ role: 'user', content: text }]);
  const repoMap = await renderRepoMap({ request: input.request, files: input.files, maxTokens: Math.max(0, mapTokens - 32), countTokens });
  const reply = await client.completeStructured({
    purpose: 'plan',
    messages: build(memoryIncluded ? memoryText : '', repoMap),
    schema: Plan,
    schemaName: 'plan',
  });
  return { reply, memoryIncluded, repoMap };
}
