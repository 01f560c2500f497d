// Damages one scripted reply the way the failure profile says, with the shapes the real parsers
// and checks meet in the field: fences with prose, broken plan JSON, elided code, a renamed
// neighbour, another file's content, a reply cut off at the output limit.
import { damageCode, damageJson } from '../../dist/fake-model/damage.js';

const fenceShapes = ['fence', 'fence-with-language', 'prose-and-fence', 'filename-above', 'think-then-fence'];
const brokenJsonShapes = ['prose-around', 'fence-and-prose', 'trailing-commas', 'single-quotes', 'truncated'];

const pick = (random, list) => list[Math.floor(random() * list.length)];

/**
 * A plan reply: the intended plan, or with probability `brokenJson` one broken shape of it.
 * @returns {{ reply: import('../../dist/fake-model/fake-model-server.js').ScriptedReply; damage: string }}
 */
export function damagePlanReply(plan, profile, random) {
  if (random() >= profile.brokenJson) return { reply: { content: JSON.stringify(plan) }, damage: 'none' };
  const shape = pick(random, brokenJsonShapes);
  const reply = { content: damageJson(shape, plan) };
  if (shape === 'truncated') reply.failure = 'done-length';
  return { reply, damage: `json:${shape}` };
}

/**
 * A code reply. At most one content damage (elision, collateral rename, wrong file, truncation),
 * each drawn on its own; then, independently, a fence around whatever the model wrote.
 * @param {{ intended: string; path: string; symbolMode: boolean; symbolName?: string; neighbours: string[]; otherFile?: string }} target
 */
export function damageCodeReply(target, profile, random) {
  const damages = [];
  let content = target.intended;
  let failure;
  const contentDamages = [
    ['elision', profile.elision, () => elide(content, target, random)],
    [target.symbolMode ? 'renamed-named-symbol' : 'collateral-rename', profile.collateralRename, () => renameNeighbour(content, target, random)],
    ['wrong-file', profile.wrongFile, () => target.otherFile],
    ['truncation', profile.truncation, () => content.slice(0, Math.floor(content.length * 0.6))],
  ];
  for (const [kind, rate, apply] of contentDamages) {
    if (damages.length > 0 || random() >= rate) continue;
    const damaged = apply();
    if (damaged === undefined || damaged === content) continue;
    content = damaged;
    damages.push(kind);
    if (kind === 'truncation') failure = 'done-length';
  }
  if (random() < profile.fence) {
    const shape = pick(random, fenceShapes);
    // A cut-off reply never reaches its closing fence.
    content = failure ? damageCode('unclosed-fence', content, target.path, languageOf(target.path)) : damageCode(shape, content, target.path, languageOf(target.path));
    damages.push(failure ? 'fence:unclosed' : `fence:${shape}`);
  }
  return { reply: failure ? { content, failure } : { content }, damage: damages.length ? damages.join('+') : 'none' };
}

function languageOf(path) {
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.ts')) return 'typescript';
  return 'javascript';
}

function placeholderFor(path) {
  return path.endsWith('.py') ? '# ... rest of the file unchanged' : '// ... rest unchanged';
}

/** Keeps the head or the tail and writes a placeholder for the rest, as 7B models do. */
function elide(content, target, random) {
  const lines = content.split('\n');
  if (lines.length < 4) return undefined;
  const indent = target.symbolMode ? '    ' : '';
  const placeholder = target.symbolMode
    ? `${indent}${target.path.endsWith('.py') ? '# ... existing code ...' : '// ... existing code ...'}`
    : placeholderFor(target.path);
  const cut = 1 + Math.floor(random() * (lines.length - 2));
  if (target.symbolMode) return [...lines.slice(0, cut), placeholder, lines.at(-1)].join('\n');
  return random() < 0.5 ? [...lines.slice(0, cut), placeholder, ''].join('\n') : [placeholder, ...lines.slice(cut)].join('\n');
}

/**
 * Renames a neighbouring symbol the task did not name. In symbol mode the reply holds only the
 * named symbol, so the model renames that one: the same slip, aimed at the one name in view.
 */
function renameNeighbour(content, target, random) {
  const candidates = target.symbolMode ? [target.symbolName] : target.neighbours.filter((name) => new RegExp(`\\b${name}\\b`).test(content));
  if (candidates.length === 0) return undefined;
  const name = pick(random, candidates);
  const renamed = /^[a-z]/.test(name) ? `${name}Checked` : `Checked${name}`;
  return content.replace(new RegExp(`\\b${name}\\b`, 'g'), renamed);
}
