import type { ProposedFile } from '../../src/guard/proposed-file.js';

/** A reply that passes every check unless a test overrides a field. */
export function proposedFile(overrides: Partial<ProposedFile> = {}): ProposedFile {
  return {
    path: 'src/auth.js',
    original: 'function validateToken(token) {\n  return token.length > 0;\n}\n',
    proposed: 'function validateToken(token) {\n  return typeof token === "string" && token.length > 0;\n}\n',
    instruction: 'Make validateToken reject non-string tokens.',
    doneReason: 'stop',
    intendedSymbols: ['validateToken'],
    mayRemoveSymbols: false,
    otherFiles: [],
    ...overrides,
  };
}
