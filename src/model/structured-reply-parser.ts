import { jsonrepair } from 'jsonrepair';
import type { z } from 'zod';
import { topLevelJsonValues } from './json-extract.js';
import { scanFencedBlocks } from './markdown-fences.js';
import { removeAllThinking } from './think-blocks.js';

export type ParseOutcome<T> = { ok: true; value: T; step: 'direct' | 'permissive' } | { ok: false; error: string };

/** JSON.parse and the schema, nothing else: what a grammar-constrained reply must pass as it is. */
export function parseStrict<T>(raw: string, schema: z.ZodType<T>): ParseOutcome<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `the reply is not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, error: describeSchemaError(result.error) };
  return { ok: true, value: result.data, step: 'direct' };
}

/**
 * The fallback after the strict parse and its retry failed: strip fences and thinking, take the
 * first top-level JSON value, let jsonrepair fix quoting and commas, then validate. jsonrepair alone
 * turns prose into a string and a cut-off plan into a shorter valid one, so a reply with no JSON
 * value is refused, and so is one whose first value never closes.
 */
export function parsePermissive<T>(raw: string, schema: z.ZodType<T>): ParseOutcome<T> {
  const direct = parseStrict(raw, schema);
  if (direct.ok) return direct;
  const thinking = removeAllThinking(raw);
  if (!thinking.complete) return { ok: false, error: 'the reply ended inside its <think> block, before any JSON' };
  let lastError = 'the reply contains no JSON object';
  for (const region of jsonRegions(thinking.text)) {
    for (const value of topLevelJsonValues(region)) {
      if (!value.complete) {
        return { ok: false, error: 'the JSON in the reply is cut off (a bracket is never closed), so it was truncated' };
      }
      const outcome = validateRepaired(value.text, schema);
      if (outcome.ok) return outcome;
      lastError = outcome.error;
    }
  }
  return { ok: false, error: lastError };
}

/** The contents of fenced blocks first (a ```json block before others), then the whole text. */
function jsonRegions(text: string): string[] {
  const blocks = scanFencedBlocks(text).blocks.filter((block) => block.lines.some((line) => /[{[]/.test(line)));
  const jsonTagged = blocks.filter((block) => /^json/i.test(block.info));
  const ordered = [...jsonTagged, ...blocks.filter((block) => !jsonTagged.includes(block))];
  const regions = ordered.map((block) => block.lines.join('\n'));
  return regions.length > 0 ? regions : [text];
}

function validateRepaired<T>(candidate: string, schema: z.ZodType<T>): ParseOutcome<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(candidate);
  } catch {
    try {
      parsed = JSON.parse(jsonrepair(candidate));
    } catch (error) {
      return { ok: false, error: `the JSON in the reply cannot be repaired (${(error as Error).message})` };
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, error: describeSchemaError(result.error) };
  return { ok: true, value: result.data, step: 'permissive' };
}

/** A short account of the first few schema problems, worded to be fed back to the model. */
function describeSchemaError(error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `the JSON does not match the schema: ${problems.join('; ')}${more}`;
}

/**
 * Grammar-constrained decoding sometimes has the model emit whitespace until the token limit.
 * That shows as a long whitespace run at the end of the reply (or an absurd one anywhere);
 * no legitimate JSON or code reply ends in 64 whitespace characters.
 */
export function isWhitespaceLoop(raw: string): boolean {
  let trailing = 0;
  while (trailing < raw.length && /\s/.test(raw[raw.length - 1 - trailing]!)) trailing += 1;
  if (trailing >= 64) return true;
  let longestRun = 0;
  for (const match of raw.matchAll(/\s{256,}/g)) longestRun = Math.max(longestRun, match[0].length);
  return longestRun >= 512;
}
