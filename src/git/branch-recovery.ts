/** What brings a deleted branch back: its agent commits stay (refs/litecode/commits/ refers to them); a commit made by hand on top stays until git gc prunes it. */
export function recoveryCommand(name: string, sha: string): string {
  return `git branch ${name} ${sha}`;
}
