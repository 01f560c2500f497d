/**
 * How each Groq model can be held to a schema. `json_schema` constrains decoding (strict only
 * where Groq guarantees it); `json_object` only promises some JSON; anything else gets the
 * schema in the prompt. Unknown models get the weakest mode that always works.
 */
export type GroqStructuredCapability = { mode: 'json-schema'; strict: boolean } | { mode: 'json-object' } | { mode: 'prompted' };

const capabilities: ReadonlyArray<{ pattern: RegExp; capability: GroqStructuredCapability }> = [
  { pattern: /^openai\/gpt-oss-(20b|120b)$/, capability: { mode: 'json-schema', strict: true } },
  { pattern: /^(moonshotai\/kimi-k2|meta-llama\/llama-4-|openai\/gpt-oss)/, capability: { mode: 'json-schema', strict: false } },
  { pattern: /^(llama-3\.3-70b|llama-3\.1-8b|llama3-|qwen\/qwen3|gemma2|deepseek-r1)/, capability: { mode: 'json-object' } },
];

export function groqStructuredCapability(model: string): GroqStructuredCapability {
  return capabilities.find((entry) => entry.pattern.test(model))?.capability ?? { mode: 'prompted' };
}

/**
 * Groq's strict mode rejects (HTTP 400) any schema with an optional property or open object,
 * so strict is asked for only when every object lists all its properties as required.
 */
export function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || node.properties !== undefined) {
    const properties = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false || properties.some((name) => !required.has(name))) return false;
  }
  return Object.values(node).every(isStrictCompatible);
}
