/**
 * Limits for timing assertions. The suite runs on shared, loaded machines (it once had 11
 * timing failures at a load of 15–29 on 2 cores), so a test asserts only what tells a hang or
 * a wait-for-the-timeout bug apart from a slow start: each limit sits well above a slow run and
 * well below what the bug would take. How fast the product is belongs to bench/, not here.
 */

/** Something that should end promptly (a refused connection, an abort, a deadline) but might hang. */
export const promptlyMs = 20_000;

/** A whole CLI run (several Node and git processes) that should not wait for a long time limit. */
export const cliPromptlyMs = 30_000;
