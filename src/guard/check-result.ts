export type OutputCheckName =
  // Lockfiles and generated files are never written (issue 8).
  | 'generated'
  | 'fences'
  | 'truncation'
  | 'elision'
  | 'wrong-file'
  | 'syntax'
  | 'scope'
  | 'no-op'
  | 'newlines'
  // Language-free checks every file kind gets (issue 8).
  | 'talking'
  | 'edit-format'
  | 'shrinkage'
  | 'defines'
  | 'references';

export type CheckVerdict =
  | { ok: true }
  | {
      ok: false;
      /** For the user: names the file and, where there is one, the symbol. */
      message: string;
      /** For the model's one retry: exactly what failed and what to do instead. */
      feedback: string;
    };

export const passed: CheckVerdict = { ok: true };

export function failed(message: string, feedback: string): CheckVerdict {
  return { ok: false, message, feedback };
}
