import { z } from 'zod';

/** What the model may say about a staged change: a few concrete, located remarks. */
export const Suggestion = z.object({
  line: z.number().int().positive().optional(),
  kind: z.enum(['bug', 'error-handling', 'debug-leftover', 'security', 'other']).default('other'),
  message: z.string().min(3).max(300),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({ suggestions: z.array(Suggestion).max(8).default([]) });
export type SuggestionList = z.infer<typeof SuggestionList>;
