// Failure profiles for the scripted model, after the field notes the project starts from (fences
// around code, broken JSON, wrong-file and collateral edits; bench/README.md says more): how
// often each small model damages a reply.
// Every rate is the chance that one reply shows that damage; a retry is drawn again.

/**
 * @typedef {object} FailureProfile
 * @property {string} name
 * @property {number} fence        code reply wrapped in markdown fences (often with prose)
 * @property {number} brokenJson   plan reply that is not bare valid JSON (prose, trailing commas, quotes, fence, cut short)
 * @property {number} elision      code reply with a placeholder such as "// ... rest unchanged"
 * @property {number} collateralRename  code reply that also renames a neighbouring symbol
 * @property {number} wrongFile    code reply that is another file's content
 * @property {number} truncation   code reply cut off at the output limit (done_reason: length)
 */

/** @type {FailureProfile[]} */
export const failureProfiles = [
  { name: 'clean', fence: 0, brokenJson: 0, elision: 0, collateralRename: 0, wrongFile: 0, truncation: 0 },
  { name: 'qwen2.5-coder:7b', fence: 0.05, brokenJson: 0.03, elision: 0.02, collateralRename: 0.02, wrongFile: 0, truncation: 0 },
  { name: 'deepseek-coder:6.7b', fence: 0.08, brokenJson: 0.03, elision: 0.02, collateralRename: 0.02, wrongFile: 0, truncation: 0 },
  { name: 'codellama:7b', fence: 0.7, brokenJson: 0.3, elision: 0.1, collateralRename: 0.1, wrongFile: 0.05, truncation: 0.05 },
];

/** mulberry32: a small seeded PRNG, so every run of the suite draws the same damage. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed per (profile, task, trial), so one trial can be rerun alone. */
export function trialSeed(baseSeed, ...parts) {
  let hash = 2166136261 ^ baseSeed;
  for (const character of parts.join('|')) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return hash >>> 0;
}
