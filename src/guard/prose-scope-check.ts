import type { ProseDialect } from '../syntax/kinds/file-kind.js';
import { normaliseHeading, proseSections, sectionsNamed, type ProseSection } from '../syntax/kinds/prose-sections.js';
import { changedLinesExcerpt } from './change-excerpt.js';
import { failed, passed, type CheckVerdict } from './check-result.js';
import type { ProposedFile } from './proposed-file.js';
import { joinNames } from './join-names.js';

/**
 * Scope for a prose file, by section. Every section (heading and text, whitespace aside) the task
 * did not name keeps its text; a named section may change, and so may the sections under it.
 * New sections are fine. A section disappears (or is retitled) only when the task asks to remove
 * something. Headings the instruction quotes by name count as named. A new file must hold every
 * heading the plan names.
 */
export async function checkProseScope(file: ProposedFile, dialect: Exclude<ProseDialect, 'text'>): Promise<CheckVerdict> {
  const after = await proseSections(dialect, file.proposed);
  if (file.original === undefined) {
    const missing = file.intendedSymbols.filter((name) => sectionsNamed(after, name).length === 0);
    if (missing.length === 0) return passed;
    return failed(
      `${file.path}: the new file lacks the section ${joinNames(missing)}, which the plan says it has`,
      `Your new ${file.path} has no heading ${joinNames(missing)}; write the complete file with that section.`,
    );
  }
  const before = await proseSections(dialect, file.original);
  if (before.length <= 1 && before.every((section) => section.heading === '')) return passed;
  const instruction = normaliseHeading(file.instruction);
  const named = new Set(file.intendedSymbols.map(normaliseHeading));
  const headingCounts = new Map<string, number>();
  for (const section of before) headingCounts.set(normaliseHeading(section.heading), (headingCounts.get(normaliseHeading(section.heading)) ?? 0) + 1);
  const titles = new Set(before.filter((section) => section.level === 1).map((section) => normaliseHeading(section.heading)));
  // A heading the instruction merely mentions frees its section and the sections under it, but
  // a title frees only its own text (the title is often the project's name, and would free the
  // whole file), and a mention that fits several sections (every "### Added" of a changelog)
  // frees none of them.
  const mentioned = (heading: string, own: boolean) => {
    const normalised = normaliseHeading(heading);
    return normalised !== '' && headingCounts.get(normalised) === 1 && (own || !titles.has(normalised)) && mentions(instruction, normalised);
  };
  const isNamed = (section: ProseSection) =>
    mentioned(section.heading, true) ||
    section.parents.some((parent) => mentioned(parent, false)) ||
    [section.heading, ...section.parents].some((heading) => {
      const normalised = normaliseHeading(heading);
      return normalised !== '' && (named.has(normalised) || file.intendedSymbols.some((name) => sectionsNamed([section], name).length > 0));
    });
  const remaining = groupByIdentity(after, file.proposed);
  const changed: string[] = [];
  const removed: string[] = [];
  let firstChange: { before: string; after: string } | undefined;
  for (const [identity, originals] of groupByIdentity(before, file.original)) {
    const candidates = remaining.get(identity) ?? [];
    for (const original of originals) {
      const index = candidates.findIndex((candidate) => candidate.text === original.text);
      if (index !== -1) {
        candidates.splice(index, 1);
        continue;
      }
      const name = displayName(original.section);
      if (isNamed(original.section)) {
        candidates.shift();
        continue;
      }
      if (candidates.length === 0) {
        if (!file.mayRemoveSymbols && !removed.includes(name)) removed.push(name);
        continue;
      }
      const counterpart = candidates.shift()!;
      if (!changed.includes(name)) changed.push(name);
      firstChange ??= { before: original.raw, after: counterpart.raw };
    }
  }
  const allowed = file.intendedSymbols.length ? `change only the section ${joinNames(file.intendedSymbols)}` : `change only what the task asks: ${file.instruction}`;
  if (removed.length > 0) {
    const list = joinNames(removed);
    return failed(
      `${file.path}: the model removed the section ${list}, which the task did not ask to remove`,
      `Your reply lost the section ${list}; ${allowed}, and keep every other section, heading and line exactly as it was.`,
    );
  }
  if (changed.length > 0) {
    const list = joinNames(changed);
    return failed(
      `${file.path}: the model also changed the section ${list}, which the task did not name`,
      `You also changed the section ${list}, which the task did not name; ${allowed}. Keep every other section exactly as it was.` +
        (firstChange ? ` Your unwanted change:\n${changedLinesExcerpt(firstChange.before, firstChange.after)}` : ''),
    );
  }
  return passed;
}

function mentions(instruction: string, heading: string): boolean {
  if (heading.length < 3) return false;
  const at = instruction.indexOf(heading);
  if (at === -1) return false;
  const before = instruction[at - 1];
  const after = instruction[at + heading.length];
  return (before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after));
}

interface SectionText {
  section: ProseSection;
  text: string;
  raw: string;
}

/** Sections keyed by their heading path, so two "Example" sections under different parents stay apart. */
function groupByIdentity(sections: ProseSection[], text: string): Map<string, SectionText[]> {
  const groups = new Map<string, SectionText[]>();
  for (const section of sections) {
    const identity = [...section.parents, section.heading].map(normaliseHeading).join('\u0000');
    const raw = text.slice(section.startIndex, section.endIndex);
    const group = groups.get(identity) ?? [];
    group.push({ section, raw, text: raw.replace(/\s+/g, ' ').trim() });
    groups.set(identity, group);
  }
  return groups;
}

function displayName(section: ProseSection): string {
  return section.heading === '' ? 'before the first heading' : `"${section.heading}"`;
}

