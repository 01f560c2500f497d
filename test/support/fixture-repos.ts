import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs module (shared with bench/), typed by the declarations below.
import { buildRepoFromFolder as buildUntyped } from '../../fixtures-repos/build.mjs';
import { hermeticEnv } from './hermetic-env.js';

export type FixtureName = 'js-app' | 'ts-lib' | 'py-tool' | 'crlf';

/** A commit made after the initial one: path → new content, or null to delete the file. */
export interface FixtureCommit {
  message: string;
  files: Record<string, string | Buffer | null>;
}

export interface FixtureRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

const buildRepoFromFolder = buildUntyped as (options: {
  fixture: FixtureName;
  target: string;
  env: NodeJS.ProcessEnv;
  objectFormat?: 'sha1' | 'sha256';
  commits?: FixtureCommit[];
}) => string;

/**
 * A fresh repository built from fixtures-repos/<name> in a temp dir (deterministic history:
 * fixed dates and identity), on branch main, working tree clean. `env` is a hermeticEnv()
 * (identity "Test User") unless one is given; use it for every git or CLI call on the repo.
 */
export async function buildFixtureRepo(
  name: FixtureName,
  options: { env?: NodeJS.ProcessEnv; objectFormat?: 'sha1' | 'sha256'; commits?: FixtureCommit[] } = {},
): Promise<FixtureRepo> {
  const env = options.env ?? hermeticEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `litecode-fixture-${name}-`)));
  buildRepoFromFolder({ fixture: name, target: dir, env, objectFormat: options.objectFormat, commits: options.commits });
  return {
    dir,
    env,
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (!options.env && env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
    },
  };
}
