import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An environment in which git and git-litecode see no machine-wide or user config but ours:
 * a temp HOME with a known identity, no system config, and none of the model settings
 * or CI flags of the machine running the tests.
 */
export function hermeticEnv(options: { identity?: boolean; extra?: Record<string, string | undefined> } = {}): NodeJS.ProcessEnv {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-home-')));
  const globalConfig = join(home, '.gitconfig');
  const identity = options.identity ?? true;
  writeFileSync(
    globalConfig,
    (identity ? '[user]\n\tname = Test User\n\temail = test@example.com\n' : '') +
      '[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n',
  );
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(GIT_|LITECODE_|OLLAMA_|GROQ_)/.test(key) || key === 'CI' || key === 'EMAIL') delete env[key];
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: globalConfig,
    NO_COLOR: '1',
    PAGER: 'cat',
    GIT_PAGER: 'cat',
  });
  if (!identity) {
    // Without these git guesses an identity from the host name; a real user without config gets an error.
    env.GIT_AUTHOR_NAME = undefined;
    delete env.GIT_AUTHOR_NAME;
  }
  for (const [key, value] of Object.entries(options.extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Makes `env` this test process's own environment: library code runs git with process.env. */
export function useEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
}
