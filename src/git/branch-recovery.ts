/** What brings a deleted branch back: its commits stay in the object store until git gc prunes them. */
export function recoveryCommand(name: string, sha: string): string {
  return `git branch ${name} ${sha}`;
}
