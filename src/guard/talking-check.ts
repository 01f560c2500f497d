import { failed, passed, type CheckVerdict } from './check-result.js';
import { expectedReply, type ProposedFile } from './proposed-file.js';

const opening = (alternatives: string[]) => new RegExp(`^(?:${alternatives.join('|')})`, 'i');

const strongOpenings = [
  "i(?:'m| am) (?:sorry|afraid|unable|not able)",
  'sorry\\b',
  '(?:my )?apologies\\b',
  'i apologi[sz]e\\b',
  'as an ai\\b',
  'as a (?:large )?language model\\b',
  "i (?:cannot|can't|can not|won't|will not|need|would need|'d need|don't have|do not have)\\b",
  "i(?:'ve| have) (?:updated|added|made|changed|modified|removed|rewritten|included)\\b",
  "i(?:'ll| will) (?:add|update|make|change|modify|remove|need|help)\\b",
  // With punctuation: a file may hold the bare word ("OK" in a status file).
  '(?:sure|certainly|of course|absolutely|okay|ok|alright|no problem|got it|understood)\\s*[!,.]',
  "here(?:'s| is| are) (?:the|your|an?) (?:updated|modified|revised|new|complete|full|corrected|fixed|edited|changed|requested)\\b",
  "here(?:'s| is| are)\\b.*:$",
  'here you go\\b',
  "here(?:'s| is) what (?:i|you)\\b",
  '(?:updated|modified|revised|corrected|fixed|complete|full|new) (?:file|version|code|content|contents)\\s*:',
  'below (?:is|are) (?:the|your)\\b',
  'the (?:updated|modified|revised|complete|full|corrected|fixed|edited|changed|requested) (?:file|code|content|version|contents|source)\\b',
  '(?:could|can|would|will) you (?:please )?(?:provide|share|paste|send|show|give|upload|clarify|confirm|tell|specify|post|include)\\b',
  'please (?:provide|share|paste|send|upload|clarify|confirm|specify)\\b',
  'unfortunately,',
  'thanks? (?:you )?for (?:the|your|sharing|providing|asking)\\b',
  'without (?:seeing|the (?:current|actual|original) (?:file|content|contents))\\b',
];

/** Only where a sentence cannot be the file: code and config, not prose. */
const looseOpenings = [
  "i(?:'m| am) (?:happy|glad)\\b",
  "i (?:have|will|would|see|noticed|understand|made|added|updated|changed|modified|removed)\\b",
  "i'(?:ve|ll|d)\\b",
  "here(?:'s| is| are)\\b",
  'below (?:is|are)\\b',
  '(?:great|yes)[!,.]',
  'to (?:do|accomplish|make|implement) (?:this|that|the (?:change|task|request))\\b',
  'let me\\b',
  'thank you\\b',
];

/**
 * How a reply that talks to the user opens: an apology, a refusal, a request for the file, a
 * lead-in naming the reply itself. Matched against a raw line, so a code comment
 * (`// Sorry, this is slow`) or a docstring never matches: they start with their marker.
 */
const proseOpening = opening(strongOpenings);
const codeOpening = opening([...strongOpenings, ...looseOpenings]);

const proseFile = /\.(?:md|markdown|mdx|rst|txt|text|adoc|asciidoc|org)$|(?:^|\/)(?:README|CHANGELOG|CHANGES|AUTHORS|CONTRIBUTORS|NOTICE|LICENSE|COPYING)(?:\.[^/]*)?$/i;

const strongClosings = [
  'i hope (?:this|that|it) helps\\b',
  'hope (?:this|that|it) helps\\b',
  'if you (?:have|need) any (?:other |further |more |additional )?(?:questions|changes|help|modifications)\\b',
  'is there anything else\\b',
  'let me know if (?:you|there)\\b.*\\b(?:anything else|further (?:changes|modifications|adjustments|help)|other changes|any (?:more |other |further )?(?:changes|modifications|adjustments))\\b',
  "i(?:'ve| have) (?:added|updated|made|changed|modified|removed|included|kept)\\b",
  'in this (?:updated|modified|new|revised) version\\b',
  'this (?:updated|modified|revised) (?:file|code|version)\\b',
  'the changes (?:above|i made)\\b',
  'note:? (?:that )?i\\b',
  '(?:could|can|would) you (?:please )?(?:provide|share|paste|send|show|give|upload|clarify|confirm)\\b',
  'please (?:provide|share|paste|send|upload|clarify|confirm)\\b',
];

/** Also fine closing sentences for a README ("Let me know if you find a bug."): code and config only. */
const looseClosings = [
  'let me know\\b',
  'anything else\\b.*\\?$',
  'these changes\\b',
  // A summary of what "I" or "this" did, after the file: no line of code or config opens so.
  'i (?:also |just )?(?:changed|added|updated|modified|removed|replaced|bumped|set|included|kept|made|moved|renamed|inserted|fixed|appended)\\b',
  'this (?:change|edit|update|modification)\\b',
  'this (?:new \\w+ )?(?:adds|bumps|updates|changes|removes|inserts|replaces)\\b',
  'this (?:\\w+ )?(?:now|will now)\\b',
  'with (?:this|these) (?:change|update|edit|modification)s?\\b',
  '(?:the )?only change\\b',
  '(?:explanation|changes made|summary of (?:the )?changes)\\s*:',
  'now,? (?:the|your|it|this) (?:\\w+ )?(?:will|runs|has|includes|is|uses|should|also)\\b',
  '(?:the )?[\\w.-]+ (?:has|have) (?:now )?been (?:updated|bumped|changed|modified|added|set) (?:to|as requested|for you)\\b',
  'in the above (?:code|file|version|changes?),',
  'happy coding\\b',
  'enjoy[!.]*$',
  'feel free to\\b',
];

/** A closing said inside a comment (`# Let me know if you need anything else!`) is still said to the user. */
const commentedClosing = opening(strongClosings.filter((closing) => !closing.startsWith('note')));
const commentMarker = /^(?:#+|\/\/+|;+|--+|<!--|\/\*+)\s*|\s*(?:-->|\*+\/)$/g;

/** How a reply that talks to the user closes: an offer, a wish, a summary of what "I" did. */
const proseClosing = opening(strongClosings);
const codeClosing = opening([...strongClosings, ...looseClosings]);

/** Anywhere in a short reply made of sentences: it asks the user for something or refuses. */
const addressesUser =
  /\b(?:i'?m sorry|i am sorry|(?:could|can|would) you (?:please )?(?:provide|share|paste|send|upload|show)|please (?:provide|share|paste|send|upload)|as an ai|as a language model|i (?:cannot|can't|am unable to|'m unable to) (?:help|assist|do|see|access)|i (?:would )?need (?:to see|the current|your|the contents?))\b/i;
const shortReplyLines = 3;

/** Markdown emphasis, a quote marker or a list bullet around the words: `**Sure!**`, `> I'm sorry`. */
function bareWords(line: string): string {
  return line
    .replace(/[\u2018\u2019]/g, "'")
    .trim()
    .replace(/^(?:>\s*)+/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/^["“']|["”']$/g, '')
    .trim();
}

function nonBlankLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/**
 * A reply that addresses the user ("I'm sorry, could you provide the file?", "Sure! Here is
 * the updated file", "Let me know if you need anything else") instead of being the file. Judged
 * by position, so prose files that use such words legitimately pass: the first line opens a
 * conversation or the last line closes one, and the original did not open or close that way
 * (nor hold that very line). Every file kind gets this check, grammar or not.
 */
export function checkTalking(file: ProposedFile): CheckVerdict {
  const lines = nonBlankLines(file.proposed);
  if (lines.length === 0) return passed;
  const originalLines = file.original === undefined ? [] : nonBlankLines(file.original);
  const originalSet = new Set(originalLines.map((line) => line.trim()));
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const prose = proseFile.test(file.path);
  const conversationalOpening = prose ? proseOpening : codeOpening;
  const conversationalClosing = prose ? proseClosing : codeClosing;
  const firstTalks =
    conversationalOpening.test(bareWords(first)) &&
    !originalSet.has(first.trim()) &&
    !(originalLines[0] !== undefined && conversationalOpening.test(bareWords(originalLines[0])));
  const lastTalks =
    !firstTalks &&
    lines.length > 1 &&
    (conversationalClosing.test(bareWords(last)) || commentedClosing.test(bareWords(last.trim().replace(commentMarker, '')))) &&
    !originalSet.has(last.trim()) &&
    !(originalLines.at(-1) !== undefined && conversationalClosing.test(bareWords(originalLines.at(-1)!)));
  const talkingLine =
    firstTalks || lastTalks
      ? undefined
      : lines.length <= shortReplyLines
        ? lines.find((line) => addressesUser.test(bareWords(line)) && !originalSet.has(line.trim()) && /[.?!]$/.test(line.trim()))
        : undefined;
  if (!firstTalks && !lastTalks && talkingLine === undefined) return passed;
  if (talkingLine !== undefined) {
    const quotedLine = quote(talkingLine);
    return failed(
      `${file.path}: the reply is a message to the user (${quotedLine}) instead of the file's content`,
      `Your reply was a message to the user: ${quotedLine}. That is not ${file.path}. The current content is given above; do not ask for it, do not explain or apologise. ` +
        `Reply with ${expectedReply(file)} and nothing else.`,
    );
  }
  const quoted = quote(firstTalks ? first : last);
  const where = firstTalks ? (lines.length === 1 ? 'is a message to the user' : 'opens with a message to the user') : 'ends with a message to the user';
  return failed(
    `${file.path}: the reply ${where} (${quoted}) instead of being the file's content`,
    `Your reply ${where}: ${quoted}. That is not ${file.path}. The current content is given above; do not ask for it, do not explain or apologise. ` +
      `Reply with ${expectedReply(file)} and nothing else.`,
  );
}

function quote(line: string): string {
  const trimmed = line.trim();
  return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed);
}
