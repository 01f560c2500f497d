import { readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { kindCases, type KindCase } from '../fixtures/file-kind-replies.js';

/** The cases the `kinds` fixture repository holds: every kind with an existing original, lockfiles apart. */
export const fixtureCases: KindCase[] = kindCases.filter((kindCase) => kindCase.original !== undefined && kindCase.kind !== 'lockfile');

/** The request a user would type; it names the file, so the plan check insists the plan covers it. */
export function requestFor(kindCase: KindCase): string {
  return `${kindCase.instruction.replace(/\.$/, '')} in ${kindCase.path}`;
}

export function planFor(kindCase: KindCase, action: 'modify' | 'create' = 'modify') {
  return {
    kind: 'edit',
    synthesis: `Changed ${kindCase.path}: ${kindCase.instruction.replace(/\.$/, '')}.`.slice(0, 120),
    tasks: [{ file: kindCase.path, action, symbols: kindCase.symbols, instruction: kindCase.instruction }],
  };
}

/** The fixture folder must hold exactly the corpus originals, or the end-to-end tests would test something else. */
export function assertFixtureMatchesCorpus(): void {
  for (const kindCase of fixtureCases) {
    const path = kindCase.path.replace(/(^|\/)\.(?=[^/])/g, '$1dot-');
    assert.is(readFileSync(new URL(`../../fixtures-repos/kinds/${path}`, import.meta.url), 'utf8'), kindCase.original, kindCase.path);
  }
}
