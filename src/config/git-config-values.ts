/**
 * git's own rules for typed config values, as `git config --type=int` and `--type=bool` apply
 * them (config.c: git_parse_signed, git_parse_maybe_bool). Pure, so the rule is tested against
 * git's output without a git process per value.
 */

export type ParsedInteger = { ok: true; value: number } | { ok: false; reason: 'invalid unit' | 'out of range' };

const unitFactors: Record<string, bigint> = { '': 1n, k: 1024n, m: 1024n ** 2n, g: 1024n ** 3n };
const int64Max = 2n ** 63n - 1n;

/**
 * An integer the way git reads one: C's strtoimax with base 0 (leading blanks, a sign, 0x for
 * hex, a leading 0 for octal), then an optional k, m or g (any case) for 1024, 1024² or 1024³,
 * and nothing after it. `16k` is 16384, `0x10` is 16, `010` is 8. Values git would accept but
 * JavaScript cannot count exactly count as out of range here.
 */
export function parseGitInteger(text: string): ParsedInteger {
  const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(.*)$/s.exec(text);
  if (!match) return { ok: false, reason: 'invalid unit' };
  const [, sign = '', digits = '', rest = ''] = match;
  const factor = unitFactors[rest.toLowerCase()];
  if (factor === undefined) return { ok: false, reason: 'invalid unit' };
  const magnitude = digits.length > 1 && digits.startsWith('0') && !/^0[xX]/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const value = (sign === '-' ? -magnitude : magnitude) * factor;
  if (value > int64Max || value < -int64Max - 1n) return { ok: false, reason: 'out of range' };
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) return { ok: false, reason: 'out of range' };
  return { ok: true, value: Number(value) };
}

/**
 * A boolean the way git reads one: a key with no `=` is true, an empty value false,
 * true/yes/on and false/no/off in any case, or any integer git accepts (non-zero is true).
 * undefined: not a boolean.
 */
export function parseGitBoolean(text: string | null): boolean | undefined {
  if (text === null) return true;
  if (text === '') return false;
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === 'on') return true;
  if (lower === 'false' || lower === 'no' || lower === 'off') return false;
  // git reads the number as a C int here, so anything beyond 32 bits is not a boolean.
  const integer = parseGitInteger(text);
  return integer.ok && Math.abs(integer.value) <= 2 ** 31 - 1 ? integer.value !== 0 : undefined;
}
