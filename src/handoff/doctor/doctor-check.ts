import { ExitCode } from '../../errors/litecode-error.js';

/** Which exit code a failure of this check leads to (see doctorExitCode). */
export type CheckArea = 'git' | 'settings' | 'model';

export type DoctorCheck =
  | { name: string; area: CheckArea; status: 'ok'; detail: string }
  | { name: string; area: CheckArea; status: 'fail'; detail: string; fix: string }
  | { name: string; area: CheckArea; status: 'skipped'; detail: string };

/**
 * 3 when the model is unavailable (what a newcomer most needs to hear), else 4 when git cannot
 * make commits, else 2 when a setting is wrong; 0 when every check passed.
 */
export function doctorExitCode(checks: readonly DoctorCheck[]): ExitCode {
  const failed = (area: CheckArea) => checks.some((check) => check.area === area && check.status === 'fail');
  if (failed('model')) return ExitCode.modelUnavailable;
  if (failed('git')) return ExitCode.gitState;
  if (failed('settings')) return ExitCode.usage;
  return ExitCode.ok;
}

/** One line per check: the verdict, what was found, and for a failure the fix. */
export function formatCheck(check: DoctorCheck): { verdict: string; text: string } {
  const verdict = { ok: 'ok', fail: 'FAIL', skipped: 'skip' }[check.status];
  const text = check.status === 'fail' ? `${check.name}: ${check.detail}; fix: ${check.fix}` : `${check.name}: ${check.detail}`;
  return { verdict, text };
}
