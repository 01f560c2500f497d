/**
 * Makefiles and Dockerfiles have no well-kept JavaScript parser that gives a verdict, but both
 * have a line grammar that make and docker enforce: these functions apply exactly that grammar
 * and nothing more, and report the first line the tool itself would refuse.
 */
export interface LineProblem {
  /** 1-based. */
  line: number;
  message: string;
}

const makeDirectives =
  /^(-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|unexport|override|private|vpath|undefine|load|-load)(\s|$)/;
const makeAssignment = /^(?:(?:export|override|private)\s+)*[^\s:#=]+(?:\s+[^\s:#=]+)*\s*(?::::=|::=|:=|\?=|\+=|!=|=)/;

/**
 * Every line is blank, a comment, a directive, an assignment, a rule, a recipe line (which starts
 * with a tab, or .RECIPEPREFIX), or a continuation. A recipe line that starts with spaces is
 * make's "missing separator" error; so is a line of prose.
 */
export function makefileProblems(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const customPrefix = /^\s*\.RECIPEPREFIX\s*[:?+]?=/m.test(text);
  let inRecipe = false;
  let defineDepth = 0;
  let continued = false;
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    const wasContinued = continued;
    continued = /(^|[^\\])(\\\\)*\\$/.test(line);
    if (wasContinued) return;
    const trimmed = line.trim();
    if (defineDepth > 0) {
      if (/^endef(\s|$)/.test(trimmed)) defineDepth--;
      else if (/^(?:(?:export|override|private)\s+)*define(\s|$)/.test(trimmed)) defineDepth++;
      return;
    }
    if (line.startsWith('\t') || customPrefix) return;
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (/^(?:(?:export|override|private)\s+)*define(\s|$)/.test(trimmed)) {
      defineDepth++;
      return;
    }
    // Conditionals and includes may be indented with spaces anywhere, even among recipe lines.
    if (makeDirectives.test(trimmed)) return;
    if (/^\s/.test(line) && inRecipe) {
      problems.push({ line: index + 1, message: 'a recipe line starts with spaces instead of a tab (make: "missing separator")' });
      return;
    }
    if (makeAssignment.test(trimmed)) {
      if (!/^\s/.test(line)) inRecipe = false;
      return;
    }
    if (/^\$[({]/.test(trimmed)) return;
    if (withoutReferences(trimmed).includes(':')) {
      inRecipe = true;
      return;
    }
    problems.push({ line: index + 1, message: 'the line is not a rule, assignment, directive or recipe (make: "missing separator")' });
  });
  return problems;
}

/** `$(VAR:.c=.o)` and `${x}` hold colons that are not rule separators. */
function withoutReferences(line: string): string {
  let previous = '';
  let current = line;
  while (current !== previous) {
    previous = current;
    current = current.replace(/\$\([^()]*\)|\$\{[^{}]*\}/g, '');
  }
  return current;
}

export interface MakeTarget {
  name: string;
  /** 1-based, inclusive: the rule line through its last recipe line. */
  startLine: number;
  endLine: number;
}

/** The targets a Makefile's rules define (special targets such as `.PHONY` aside), each with its recipe's lines. */
export function makefileTargets(text: string): MakeTarget[] {
  const targets: MakeTarget[] = [];
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  let defineDepth = 0;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (/^(?:(?:export|override|private)\s+)*define(\s|$)/.test(trimmed)) defineDepth++;
    if (defineDepth > 0) {
      if (/^endef(\s|$)/.test(trimmed)) defineDepth--;
      return;
    }
    if (line.startsWith('\t') || /^\s*#/.test(line) || makeDirectives.test(trimmed) || makeAssignment.test(trimmed)) return;
    const rule = /^([^:#=\t][^:#=]*?)\s*:(?!=)/.exec(withoutReferences(line));
    if (!rule) return;
    let endLine = index + 1;
    while (endLine < lines.length && (lines[endLine]!.startsWith('\t') || (lines[endLine]!.trim() === '' && lines[endLine + 1]?.startsWith('\t')))) endLine++;
    for (const name of rule[1]!.split(/\s+/)) {
      if (name && !name.startsWith('.')) targets.push({ name, startLine: index + 1, endLine });
    }
  });
  return targets;
}

const dockerInstructions = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/**
 * Every line is an instruction, a comment, a blank line, a parser directive, or part of an
 * instruction: a continuation after the escape character, or a heredoc body (`RUN <<EOF`).
 */
export function dockerfileProblems(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const escape = /^\s*#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  let continued = false;
  const heredocs: { word: string; stripTabs: boolean }[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (heredocs.length > 0) {
      const { word, stripTabs } = heredocs[0]!;
      if ((stripTabs ? line.replace(/^\t+/, '') : line) === word) heredocs.shift();
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const wasContinued = continued;
    continued = trimmed.endsWith(escape);
    for (const match of line.matchAll(/<<(-?)(["']?)([A-Za-z_][\w-]*)\2/g)) heredocs.push({ word: match[3]!, stripTabs: match[1] === '-' });
    if (wasContinued) return;
    const instruction = /^[A-Za-z]+/.exec(trimmed)?.[0]?.toUpperCase();
    if (instruction && dockerInstructions.has(instruction)) return;
    heredocs.length = 0;
    problems.push({ line: index + 1, message: 'the line is not a Dockerfile instruction, comment or continuation' });
  });
  return problems;
}
