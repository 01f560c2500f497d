import { editDistance } from '../text/edit-distance.js';
import { UsageError } from '../errors/litecode-error.js';

/**
 * "Did you mean" for a mistyped command or flag, after git's help.autocorrect: suggest the
 * closest names, never run one. Close means an edit distance (a swap of two neighbours counts
 * as one edit) of at most 1 for names of up to four letters, and 2 for longer ones.
 */
export function closestNames(typed: string, names: readonly string[]): string[] {
  const limit = typed.length <= 4 ? 1 : 2;
  let best = Infinity;
  let closest: string[] = [];
  for (const name of new Set(names)) {
    if (name === typed) return [];
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance > limit || distance > best) continue;
    if (distance < best) closest = [];
    best = distance;
    closest.push(name);
  }
  return closest;
}

/** The usage error for `typed` when it is close to a known name, else undefined. */
export function mistypedWordError(typed: string, names: readonly string[], kind: 'command' | 'option'): UsageError | undefined {
  if (typed.length < 2) return undefined;
  const closest = closestNames(typed, names);
  if (closest.length === 0) return undefined;
  const shown = kind === 'option' ? closest.map((name) => `--${name}`) : closest;
  const typedShown = kind === 'option' ? `--${typed}` : typed;
  const choices = shown.map((name) => `'${name}'`).join(' or ');
  const hint =
    kind === 'command'
      ? `did you mean ${choices}? To send the words to the model as a request, quote them or use git litecode run "…"`
      : `did you mean ${choices}?`;
  return new UsageError(`unknown ${kind} '${typedShown}'`, hint);
}

