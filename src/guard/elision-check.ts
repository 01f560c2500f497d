import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

/**
 * A comment, in any common syntax, with its markers removed: `// x`, `# x`, `/* x *\/`, `{/* x *\/}`,
 * `<!-- x -->`, `-- x` (SQL, Lua, Haskell), `; x` (INI, Lisp), ` * x`, `% x` (TeX, Erlang),
 * `" x` (Vim), `REM x` (batch), `{# x #}` (Jinja), `(* x *)` (OCaml), `<%-- x --%>`.
 */
const commentBody =
  /^(\/\/+!?|#+|\/\*+|<!--|<%--|\{#|\(\*|--+|;+|\*+|\{\/\*|%+|"(?=\s)|rem\b|::)\s*(.*?)\s*(?:\*+\/\}?|-->|--%>|#\}|\*\))?$/i;

/**
 * Phrases small models write in place of code they did not repeat. Anchored or closed off so a
 * real comment that merely mentions "the rest of the module" or "other methods" is not one.
 */
const placeholderPhrases: RegExp[] = [
  // An ellipsis, but not a commented-out spread (`// ...options,`).
  /^(\.{3}|…)(\s|$|\.|…)/,
  /existing code/,
  /\bexisting (content|contents|text|sections?|steps?|jobs?|keys?|entries|settings|config(uration)?|rules?|targets?|dependencies|items?|lines?|tests?|imports|methods|functions|styles|markup|html|instructions|stages?|fields|properties|scripts|options)( (here|go(es)? here|remains?|stays?|unchanged|as (is|before)))\b/,
  /\brest of (the )?(file|code|function|class|module|implementation|methods?|body)( (here|goes here|unchanged|omitted|remains?( the same| unchanged)?|stays?( the same| unchanged)?|as (it )?(is|was|before)))?\s*(\.{3}|…)?\.?\)?$/,
  /\brest of (the )?[\w.-]+( \w+)? (is |are )?(remains?|stays?|is |are )?(unchanged|the same|as (it )?(is|was|before))\b/,
  /\b(rest|remainder|everything else|others?|remaining|existing|original)\b.*\b(remains?|stays?|left|kept) (the same|unchanged|as (it )?(is|was))\.?\)?$/,
  /^\(?unchanged\)?\.?$/,
  /\b(rest|remainder|other \w+|remaining \w+) (is |are )?unchanged\b/,
  /\bsame as (before|above|original|the original)\b/,
  /\b(code|methods?|functions?|lines?|implementation|content|contents|sections?|text|steps?|entries|keys?|settings|items?) (omitted|elided|not shown|unchanged)\b/,
  /\bomitted for brevity\b/,
  /^(\.{3}|…)?\s*\(?(the |all )?(previous|original|other) (code|implementation|methods|functions|content|sections|steps)( here)?\)?\s*(\.{3}|…)?$/,
  /\bkeep (the )?(existing|rest|original)\b/,
];

/**
 * Short notes that stand in for left-out lines in a comment. Not after a bare `*`, which is also a
 * Markdown bullet (`* etc.`) or a doc comment's continuation.
 */
const shortNotePhrases: RegExp[] = [
  // `# etc.`, `# and so on`, `# snip`, `# (omitted)`: a one-word stand-in.
  /^(\.{3}|…)?\s*\(?(etc|and so on|and so forth|snip(ped)?|omitted|truncated|trimmed|elided|same)\)?\s*(\.+|…)?$/,
  /^[-=[(\s]*snip(ped)?[-=\])\s]*$/,
  // `# other jobs here`, `# more dependencies here`, `# remaining entries`, `# other stages...`.
  /^(\.{3}|…)?\s*(the )?(other|more|remaining|existing|previous) [\w -]+ (here|go(es)? here)\.?\s*(\.{3}|…)?$/,
  /^((\.{3}|…)\s*(the )?remaining [\w-]+( [\w-]+)?\s*(\.{3}|…)?|\((the )?remaining [\w-]+( [\w-]+)?\))$/,
  /^(the )?(other|more|remaining|existing|previous) [\w -]+\s*(\.{3}|…)$/,
  // `# rest of the workflow`, `# (rest of the Dockerfile)`: the whole note is "the rest".
  /^(\.{3}|…)?\s*\(?(the )?rest of (the |this )?(file|workflow|dockerfile|makefile|config|configuration|settings|readme|document|page|steps|jobs|targets|stages|scripts|dependencies|keys|entries|sections|yaml|toml|json|html|markup)\)?\s*(\.{3}|…)?\.?$/,
  /\b(everything|all|anything) (else )?(below|above|after|before)( this| here)? (is |are )?(remains? |stays? )?(unchanged|the same|as (is|before))\b/,
  /^no (other |more |further )?changes (below|above|after this|here)\b/,
  /\brest (as is|as before|the same)\b/,
  /^(the )?(other |remaining |existing |previous )?[\w-]+ (as|same as) (above|before)\.?$/,
  /^continue(s)? as before\b/,
  /\b(stays?|remains?) as (they|it) (are|is|were|was)\b/,
  /^(all )?(the )?(other|remaining|existing) [\w-]+ remains?\.?$/,
];

/** Placeholder comments are short; a longer comment that uses these words is prose about the code. */
const maximumPlaceholderWords = 8;

/** Prose placeholders: a whole line that is an ellipsis in brackets, or a bracketed note about the rest. */
const bracketedEllipsis = /^[[({<]\s*(\.{3}|…)\s*[\])}>]$/;
const bareEllipsis = /^(\.{3}|…)$/;
/** A JSON or YAML key that is only an ellipsis (`"...": "..."`, `...: ...`) stands in for the keys left out. */
const ellipsisKey = /^("(\.{3}|…)"\s*:|(\.{3}|…):\s)/;
/** Markdown code fences: examples in a README may elide code on purpose. */
const fenceLine = /^\s{0,3}(```|~~~)/;
const proseFile = /\.(md|markdown|mdx|rst|txt|adoc)$/i;

function isPlaceholder(line: string): boolean {
  const trimmed = line.trim();
  if (bareEllipsis.test(trimmed) || bracketedEllipsis.test(trimmed) || ellipsisKey.test(trimmed)) return true;
  const comment = commentBody.exec(trimmed);
  const marker = comment?.[1];
  const body = comment?.[2]?.toLowerCase();
  if (body !== undefined && body.split(/\s+/).length <= maximumPlaceholderWords) {
    // ` * unchanged.` continues a doc comment's sentence; only a stronger phrase marks one there.
    const starred = marker !== undefined && /^\*+$/.test(marker);
    const phrases = starred ? placeholderPhrases.filter((phrase) => phrase.source !== '^\\(?unchanged\\)?\\.?$') : [...placeholderPhrases, ...shortNotePhrases];
    if (phrases.some((phrase) => phrase.test(body))) return true;
    // `# [...]`, `<!-- (rest of the page unchanged) -->`: a prose placeholder inside a comment.
    if (comment?.[2] && (bracketedEllipsis.test(comment[2]) || isProsePlaceholder(comment[2]))) return true;
  }
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
  if (body === '') return false;
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
  const fenced = fencedLines(file.path, proposedLines);
  const placeholderIndex = proposedLines.findIndex((line, index) => !fenced.has(index) && isPlaceholder(line) && !originalLines.has(line.trim()));
  if (placeholderIndex === -1) return passed;
  // Quoted as JSON: the line is model text, and control characters must not reach the terminal.
  const placeholder = JSON.stringify(proposedLines[placeholderIndex]!.trim().slice(0, 80));
  return failed(
    `${file.path}: the reply left out code and wrote ${placeholder} at line ${placeholderIndex + 1} instead`,
    `Line ${placeholderIndex + 1} of your reply, ${placeholder}, stands in for code you left out. Reply with ${expectedReply(file)}, writing out every line in full: no placeholders, no "...".`,
  );
}

/** Indexes of the lines inside Markdown code fences of a prose file (none for other files). */
function fencedLines(path: string, lines: readonly string[]): Set<number> {
  const fenced = new Set<number>();
  if (!proseFile.test(path)) return fenced;
  let inside = false;
  for (const [index, line] of lines.entries()) {
    if (fenceLine.test(line)) {
      inside = !inside;
      continue;
    }
    if (inside) fenced.add(index);
  }
  return fenced;
}
