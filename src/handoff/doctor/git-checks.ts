import { GitCommandError, runGit } from '../../git/run-git.js';
import type { DoctorCheck } from './doctor-check.js';

/** git-litecode relies on `rev-parse --path-format` (2.31) and `for-each-ref --merged=` filters. */
export const minimumGitVersion = [2, 31] as const;

export async function checkGitVersion(cwd: string): Promise<DoctorCheck> {
  const name = 'git version';
  const { stdout } = await runGit({ args: ['version'], cwd });
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(stdout);
  const found = stdout.trim().replace(/^git version /, '');
  if (!match) return { name, area: 'git', status: 'fail', detail: `cannot read the version from ${JSON.stringify(found)}`, fix: 'install git 2.31 or newer' };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [needMajor, needMinor] = minimumGitVersion;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    return { name, area: 'git', status: 'fail', detail: `git ${found} is older than ${needMajor}.${needMinor}`, fix: `install git ${needMajor}.${needMinor} or newer` };
  }
  return { name, area: 'git', status: 'ok', detail: `git ${found}` };
}

/** The identity agent commits carry: the user's own, never one git guessed from the host name. */
export async function checkIdentity(cwd: string): Promise<DoctorCheck> {
  const name = 'user identity';
  try {
    const { stdout } = await runGit({ args: ['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT'], cwd });
    const identity = /^(.*<.*>)/.exec(stdout.trim())?.[1];
    if (identity) return { name, area: 'git', status: 'ok', detail: identity };
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
  }
  return {
    name,
    area: 'git',
    status: 'fail',
    detail: 'no user.name / user.email configured (agent commits are made in your name)',
    fix: 'git config --global user.name "Your Name" && git config --global user.email you@example.com',
  };
}
