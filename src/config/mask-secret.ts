/** Shows enough of a key to recognise it and never enough to use it: `gsk_…abcd`. */
export function maskSecret(secret: string | undefined): string | undefined {
  if (secret === undefined) return undefined;
  if (secret.length <= 12) return '****';
  const prefix = /^[a-z]{1,6}_/i.exec(secret)?.[0] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}
