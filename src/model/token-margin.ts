/**
 * How far each model family's tokenizer can exceed cl100k, measured per family:
 * Qwen2.5 about ±1%, Llama 3 ±0, DeepSeek +4–13%, CodeLlama / Llama 2 +26–49%.
 * An unknown model gets the largest margin.
 */
const familyMargins: ReadonlyArray<{ pattern: RegExp; margin: number }> = [
  { pattern: /codellama|code-llama|llama-?2(?![.\d])/i, margin: 1.55 },
  { pattern: /qwen|llama-?3|deepseek/i, margin: 1.15 },
];
const unknownFamilyMargin = 1.55;

export function familyMargin(model: string): number {
  return familyMargins.find((family) => family.pattern.test(model))?.margin ?? unknownFamilyMargin;
}

/** Safety factor on measured ratios, so one lucky sample does not set the margin. */
const observedHeadroom = 1.05;
export const minimumObservations = 3;

/**
 * The margin real replies justify: the largest server/ours ratio seen, plus headroom, floored
 * at 1.0 and capped at the family default, but never below what the server actually counted.
 */
export function calibratedMargin(model: string, observation: { samples: number; maxRatio: number } | undefined): number {
  const fallback = familyMargin(model);
  if (!observation || observation.samples < minimumObservations || !(observation.maxRatio > 0)) return fallback;
  const fromData = Math.max(1, observation.maxRatio * observedHeadroom);
  if (observation.maxRatio > fallback) return round(fromData);
  return round(Math.min(fallback, fromData));
}

function round(value: number): number {
  return Math.ceil(value * 1000) / 1000;
}
