import { UsageError } from '../errors/litecode-error.js';

const maximumModelNameLength = 200;
// Ollama tags (`qwen2.5-coder:7b`, `hf.co/org/model:Q4_K_M`) and Groq ids (`openai/gpt-oss-20b`).
const modelNamePattern = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;

/** Refuses names that cannot be a model and could surprise a shell, a log or a URL. */
export function validateModelName(model: string, sourceLabel: string): string {
  if (model.length === 0) throw new UsageError(`the model name from ${sourceLabel} is empty`, 'set a model, e.g. --model qwen2.5-coder:7b');
  if (model.length > maximumModelNameLength) {
    throw new UsageError(`the model name from ${sourceLabel} is longer than ${maximumModelNameLength} characters`, 'check the model name');
  }
  if (!modelNamePattern.test(model)) {
    throw new UsageError(
      `the model name from ${sourceLabel} contains characters a model name cannot have: ${JSON.stringify(model.slice(0, 60))}`,
      'use letters, digits and . _ : / @ + - only, e.g. qwen2.5-coder:7b',
    );
  }
  return model;
}
