/**
 * Reasoning models (DeepSeek-R1, Qwen3) put their thinking in `<think>…</think>` before the answer.
 * Some chat templates open the block themselves, so the reply only carries the closing tag.
 */
export type ThinkingRemoval =
  | { complete: true; text: string }
  /** The reply opened `<think>` and never closed it: the answer never came. */
  | { complete: false };

const openingTag = '<think>';
const closingTag = '</think>';

/**
 * Removes a leading thinking block, or everything up to a dangling `</think>` that starts a line,
 * and the blank lines that follow it. `original` is the file the reply replaces: when that file itself contains
 * the tags (a parser for reasoning models, say), a raw reply must keep them, so only a block at
 * the very start of the reply that the file does not also start with is removed.
 */
export function removeThinking(reply: string, original?: string): ThinkingRemoval {
  const leadingWhitespace = reply.length - reply.trimStart().length;
  const startsWithThinking = reply.startsWith(openingTag, leadingWhitespace);
  const fileStartsWithThinking = original?.trimStart().startsWith(openingTag) ?? false;
  if (startsWithThinking && !fileStartsWithThinking) {
    const closing = reply.indexOf(closingTag, leadingWhitespace + openingTag.length);
    if (closing === -1) return { complete: false };
    return { complete: true, text: dropLeadingBlankLines(reply.slice(closing + closingTag.length)) };
  }
  // Templates put the dangling tag on a line of its own; mid-line it is code, e.g. split('</think>').
  const danglingClose = /^[ \t]*<\/think>/m.exec(reply);
  const fileMentionsTags = original?.includes(closingTag) ?? false;
  if (danglingClose && !fileMentionsTags && !reply.slice(0, danglingClose.index).includes(openingTag)) {
    return { complete: true, text: dropLeadingBlankLines(reply.slice(danglingClose.index + danglingClose[0].length)) };
  }
  return { complete: true, text: reply };
}

function dropLeadingBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '');
}

/**
 * For JSON replies: removes every thinking block wherever it sits (a lead-in sentence often comes
 * first), since a draft object inside one must never be taken for the answer. A block that never
 * closes swallows the rest of the reply.
 */
export function removeAllThinking(reply: string): ThinkingRemoval {
  let text = reply;
  const danglingClose = text.indexOf(closingTag);
  const firstOpen = text.indexOf(openingTag);
  if (danglingClose !== -1 && (firstOpen === -1 || danglingClose < firstOpen)) {
    text = text.slice(danglingClose + closingTag.length);
  }
  for (let open = text.indexOf(openingTag); open !== -1; open = text.indexOf(openingTag, open)) {
    const close = text.indexOf(closingTag, open + openingTag.length);
    if (close === -1) return { complete: false };
    text = text.slice(0, open) + text.slice(close + closingTag.length);
  }
  return { complete: true, text };
}
