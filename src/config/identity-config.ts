import { rememberedConfigEntries } from './remembered-config.js';

/**
 * The author identity `git -c user.useConfigOnly=true var GIT_AUTHOR_IDENT` would give, from
 * the environment and the entries litecode's one `git config` run already listed, when they
 * settle it beyond doubt; undefined otherwise, and then git is asked (its verdict, its error).
 *
 * git's rule (ident.c): the name is $GIT_AUTHOR_NAME, else author.name, else user.name; the
 * email $GIT_AUTHOR_EMAIL, else author.email, else user.email (with user.useConfigOnly, $EMAIL
 * and the host name do not count). The last config value wins. git strips "crud" (spaces,
 * `.,:;<>"\'`) around each and refuses what is left empty; values are returned as written, and
 * git strips them the same way when the commit is made with them (GIT_AUTHOR_NAME/EMAIL), so
 * the commit's identity is exactly the one `git var` would have printed.
 */
export function configuredIdentity(cwd: string, environment: NodeJS.ProcessEnv = process.env): { name: string; email: string } | undefined {
  const entries = rememberedConfigEntries(cwd);
  if (!entries) return undefined;
  const last = (key: string) => entries.filter((entry) => entry.key === key).at(-1);
  const pick = (variable: string, keys: string[]): string | undefined => {
    const fromEnvironment = environment[variable];
    if (fromEnvironment !== undefined) return plain(fromEnvironment);
    for (const key of keys) {
      const entry = last(key);
      // A key without a value makes git fail: let git say so.
      if (entry) return entry.value === null ? undefined : plain(entry.value);
    }
    return undefined;
  };
  const name = pick('GIT_AUTHOR_NAME', ['author.name', 'user.name']);
  const email = pick('GIT_AUTHOR_EMAIL', ['author.email', 'user.email']);
  return name !== undefined && email !== undefined ? { name, email } : undefined;
}

/** The value when something beyond crud is left in it, on one line; else undefined (git decides). */
function plain(value: string): string | undefined {
  // Crud as git counts it (ident.c crud()), and '.', which git also strips at the ends.
  const crud = /^[\x00-\x20.,:;<>"\\']*$/;
  if (crud.test(value) || /[\n<>]/.test(value)) return undefined;
  return value;
}
