import { editDistance } from '../text/edit-distance.js';
/**
 * What to tell a user whose model name the server does not know: the installed names closest
 * to it, and whether it looks like a typo of one of them (then `ollama pull` would only fetch
 * the wrong thing, or fail) or like a real model that is simply not there yet.
 */
export interface ModelNameAdvice {
  /** Installed names, closest first (at most three): other tags of the same model, then near spellings. */
  closest: string[];
  /** A near spelling of an installed name: suggest that name, not a download. */
  typo: boolean;
}

const suggestionLimit = 3;
// Model names come from the server: anything that is not a plain name is not shown.
const printableModelName = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;

export function adviseOnModelName(requested: string, available: readonly string[]): ModelNameAdvice {
  const wanted = withTag(requested.toLowerCase());
  const names = [...new Set(available.filter((name) => printableModelName.test(name)))];
  const sameModel = names.filter((name) => baseName(withTag(name.toLowerCase())) === baseName(wanted));
  const near = names
    .map((name) => ({ name, distance: editDistance(withTag(name.toLowerCase()), wanted) }))
    .filter(({ distance }) => distance <= typoDistance(wanted))
    .sort((left, right) => left.distance - right.distance || left.name.localeCompare(right.name))
    .map(({ name }) => name);
  const closest = [...new Set([...near, ...sameModel])].slice(0, suggestionLimit);
  // Another size of the same model (qwen2.5-coder:14b when :7b is installed) is a real model to pull, not a typo.
  const otherSize = (name: string) => {
    const have = withTag(name.toLowerCase());
    return baseName(have) === baseName(wanted) && digitsOf(tagOf(have)) !== digitsOf(tagOf(wanted));
  };
  const typo = near.some((name) => !otherSize(name));
  return { closest, typo };
}

/** At most two edits, or one in four characters for long names: `qwen2.5-codr:7b`, `lama3.1:8b`. */
function typoDistance(name: string): number {
  return Math.max(2, Math.floor(name.length / 4));
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function withTag(name: string): string {
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? name : `${name}:latest`;
}

function baseName(name: string): string {
  return name.slice(0, name.lastIndexOf(':'));
}

function tagOf(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

