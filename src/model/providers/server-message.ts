/** The first line of a server's error message, at most 200 characters: the user's error stays one line. */
export function firstLine(message: string): string {
  return message.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
