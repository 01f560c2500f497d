import type { ChatMessage } from './model-types.js';

/** For providers that cannot constrain decoding: the schema goes into the prompt, where it is counted. */
export function withSchemaInstruction(messages: readonly ChatMessage[], jsonSchema: object, schemaName: string): ChatMessage[] {
  return [
    ...messages,
    {
      role: 'system',
      content: `Reply with one JSON object only (a ${schemaName}), no prose and no code fences, matching this JSON schema:\n${JSON.stringify(jsonSchema)}`,
    },
  ];
}

/** The one retry after an invalid reply: say exactly what was wrong. */
export function retryInstruction(reason: string, jsonSchema: object | undefined): ChatMessage {
  const schemaText = jsonSchema ? ` matching this schema: ${JSON.stringify(jsonSchema)}` : ' matching the schema';
  return {
    role: 'user',
    content: `Respond ONLY with valid JSON${schemaText}. No prose, no code fences. The previous reply failed because: ${reason.slice(0, 400)}`,
  };
}
