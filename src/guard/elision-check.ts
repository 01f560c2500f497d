import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * A comment, in any common syntax, with its markers removed: `// x`, `# x`, `/* x *\/`, `{/* x *\/}`,
 * `<!-- x -->`, `-- x` (SQL, Lua, Haskell), `; x` (INI, Lisp), ` * x`, `% x` (TeX, Erlang),
 * `" x` (Vim), `REM x` (batch), `{# x #}` (Jinja), `(* x *)` (OCaml), `<%-- x --%>`.
 */
const commentBody =
  /^(?:\/\/+!?|#+|\/\*+|<!--|<%--|\{#|\(\*|--+|;+|\*+|\{\/\*|%+|"(?=\s)|rem\b|::)\s*(.*?)\s*(?:\*+\/\}?|-->|--%>|#\}|\*\))?$/i;

/** Phrases small models write in place of code they did not repeat. */
const placeholderPhrases: RegExp[] = [
  /^(\.{3}|…)/,
  /existing code/,
  /\bexisting (content|contents|text|sections?|steps?|jobs?|keys?|entries|settings|config(uration)?|rules?|targets?|dependencies|items?|lines?|tests?|imports|methods|functions|styles|markup|html|instructions|stages?|fields|properties|scripts|options)( (here|go(es)? here|remains?|stays?|unchanged|as (is|before)))\b/,
  /\brest of (the )?(file|code|function|class|module|implementation|methods?|body)\b/,
  /\brest of (the )?[\w.-]+( \w+)? (is |are )?(remains?|stays?|is |are )?(unchanged|the same|as (it )?(is|was|before))\b/,
  /\b(remains?|stays?|left|kept) (the same|unchanged|as (it )?(is|was))\.?$/,
  /^\(?unchanged\)?\.?$/,
  /\b(rest|remainder|other \w+|remaining \w+) (is |are )?unchanged\b/,
  /\bsame as (before|above|original|the original)\b/,
  /\b(code|methods?|functions?|lines?|implementation|content|contents|sections?|text|steps?|entries|keys?|settings|items?) (omitted|elided|not shown|unchanged)\b/,
  /\bomitted for brevity\b/,
  /\b(previous|original|other) (code|implementation|methods|functions|content|sections|steps)\b( here)?$/,
  /\bkeep (the )?(existing|rest|original)\b/,
];

/** Prose placeholders: a whole line that is an ellipsis in brackets, or a bracketed note about the rest. */
const bracketedEllipsis = /^[[({<]\s*(\.{3}|…)\s*[\])}>]$/;
const bareEllipsis = /^(\.{3}|…)$/;

function isPlaceholder(line: string): boolean {
  const trimmed = line.trim();
  if (bareEllipsis.test(trimmed) || bracketedEllipsis.test(trimmed)) return true;
  const body = commentBody.exec(trimmed)?.[1]?.toLowerCase();
  if (body !== undefined && placeholderPhrases.some((phrase) => phrase.test(body))) return true;
  return isProsePlaceholder(trimmed);
}

/**
 * A line of prose (or of any file, without a comment marker) that is only a note about left-out
 * text: "... rest unchanged", "(rest of the README unchanged)", "[... existing steps ...]".
 * Short, and either bracketed or led by an ellipsis, so a sentence that merely mentions the
 * rest of something is not one.
 */
function isProsePlaceholder(trimmed: string): boolean {
  if (trimmed.length > 100) return false;
  const bracketed = /^[[({]/.test(trimmed) && /[\])}]\.?$/.test(trimmed);
  const ledByEllipsis = /^(\.{3}|…)/.test(trimmed);
  if (!bracketed && !ledByEllipsis) return false;
  const body = trimmed
    .replace(/^[[({]\s*/, '')
    .replace(/\s*[\])}]\.?$/, '')
    .replace(/^(\.{3}|…)\s*/, '')
    .replace(/\s*(\.{3}|…)$/, '')
    .toLowerCase();
  if (body === '') return true;
  if (/^(the |all )?(existing|other|remaining|previous|original|more) [\w -]+$/.test(body) && body.split(/\s+/).length <= 5) return true;
  return placeholderPhrases.slice(1).some((phrase) => phrase.test(body));
}

/**
 * Elided output: a placeholder line standing in for code or text the model did not repeat, in
 * any comment syntax or as a bracketed note in prose, unless the original had that very line.
 * (A file that lost most of its lines without a placeholder is the shrinkage check's.)
 */
export function checkElision(file: ProposedFile): CheckVerdict {
  const originalLines = new Set((file.original ?? '').split(/\r?\n/).map((line) => line.trim()));
  const proposedLines = file.proposed.split(/\r?\n/);
  const placeholderIndex = proposedLines.findIndex((line) => isPlaceholder(line) && !originalLines.has(line.trim()));
  if (placeholderIndex === -1) return passed;
  const placeholder = proposedLines[placeholderIndex]!.trim();
  return failed(
    `${file.path}: the reply left out code and wrote "${placeholder}" at line ${placeholderIndex + 1} instead`,
    `Line ${placeholderIndex + 1} of your reply, "${placeholder}", stands in for code you left out. Reply with ${expectedReply(file)}, writing out every line in full: no placeholders, no "...".`,
  );
}
