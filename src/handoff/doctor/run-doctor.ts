import { resolveSettings } from '../../config/resolve-settings.js';
import { LitecodeError } from '../../errors/litecode-error.js';
import { describeOllamaModel, listGroqModels, probeModelServer } from '../../model/probe-model-server.js';
import type { DoctorCheck } from './doctor-check.js';
import { checkGitVersion, checkIdentity } from './git-checks.js';
import { checkModel, type ModelProbes } from './model-checks.js';
import { listOllamaModels } from './ollama-model-list.js';

export const realModelProbes: ModelProbes = { probeModelServer, describeOllamaModel, listOllamaModels, listGroqModels };

/**
 * Every check, in the order a newcomer fixes them. Never throws for a failed check: each one
 * becomes a line with its fix, so one run shows everything that is wrong.
 */
export async function runDoctor(cwd: string, probes: ModelProbes = realModelProbes): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [await checkGitVersion(cwd), await checkIdentity(cwd)];
  let settings;
  try {
    settings = (await resolveSettings({ cwd, flags: {} })).settings;
  } catch (error) {
    if (!(error instanceof LitecodeError)) throw error;
    checks.push({ name: 'settings', area: 'settings', status: 'fail', detail: error.message, fix: error.hint ?? 'see git litecode config' });
    return checks;
  }
  checks.push({ name: 'provider', area: 'settings', status: 'ok', detail: `${settings.provider}, model ${settings.model}, num_ctx ${settings.context}` });
  checks.push(...(await checkModel(settings, probes)));
  return checks;
}
