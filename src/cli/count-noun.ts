/** "1 file", "2 files": for nouns whose plural adds an s. */
export function countNoun(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
