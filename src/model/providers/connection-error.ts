import { ModelUnavailableError } from '../../errors/litecode-error.js';

/** The system error code behind a failed fetch (undici wraps it in `cause`, sometimes twice). */
export function connectionErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * fetch (undici) refuses some ports before connecting, as browsers do ("bad port": 6000, 10080,
 * and the rest of the WHATWG list). The error carries no code, only that message.
 */
export function isRefusedPort(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if ((current as { message?: unknown }).message === 'bad port') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The class an SDK error was made from: groq-sdk's classes keep `name` as "Error". */
export function errorClassName(error: unknown): string {
  const constructorName = (error as { constructor?: { name?: unknown } } | undefined)?.constructor?.name;
  return typeof constructorName === 'string' && constructorName !== 'Error' ? constructorName : String((error as { name?: unknown } | undefined)?.name ?? '');
}

/** A port fetch will not connect to, whatever listens there: exit 3 like any unreachable server, with the way out. */
export function refusedPortError(provider: 'Groq', where: string, cause?: unknown): ModelUnavailableError {
  const port = /:(\d+)(?:\/|$)/.exec(where)?.[1];
  return new ModelUnavailableError(
    `cannot reach ${provider} at ${where}: fetch refuses to connect to port ${port ?? 'in that URL'} (a "bad port" blocked as unsafe)`,
    'serve it on another port and set GROQ_BASE_URL / litecode.groqBaseUrl to it (Groq itself is https://api.groq.com)',
    cause,
  );
}
