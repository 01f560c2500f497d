import { UsageError } from '../errors/litecode-error.js';

export const maxRequestLength = 2000;

/** Refuses a request no model call should be spent on: empty, blank, or too long for a small model's context. */
export function validateRequestText(request: string): void {
  if (request.trim() === '') {
    throw new UsageError('the request is empty', 'say what to change, for example: git litecode "add retry to fetchUser in src/api.js"');
  }
  if (request.length > maxRequestLength) {
    throw new UsageError(
      `the request is ${request.length} characters long; the limit is ${maxRequestLength.toLocaleString('en-US')}`,
      'shorten it, or split it into several requests',
    );
  }
}

const questionOpening =
  /^(how (many|much|long|big|does|do|is|are|can|would)|what(?:'s| is| are| does| do|\b)|where(?:'s| is| are| does| do|\b)|why\b|which\b|who\b|when\b|is there|are there|is it|does\b|do\b|explain\b|describe\b|tell me\b|list\b|show me\b|summari[sz]e\b)/i;
/** A sentence that starts by asking for a change makes the request an edit, however it is phrased. */
const editSentence =
  /(^|[.?!;]\s+)((can|could|would|will) you\s+)?(please\s+)?(add|fix|change|rename|remove|delete|create|make|update|refactor|implement|write|replace|move|convert|extract|undo|revert)\b/i;

/**
 * Whether a request reads as a question (English): "how many…", "what does…", "where is…",
 * "why…", "which…", "is there…", "does…", or anything ending in "?" that is not a polite
 * request for a change ("can you add…?"). Used when the plan's kind is missing or unclear:
 * answering is read-only, so it is the safe default.
 */
export function looksLikeQuestion(request: string): boolean {
  const text = request.trim();
  if (editSentence.test(text)) return false;
  return questionOpening.test(text) || text.endsWith('?');
}
