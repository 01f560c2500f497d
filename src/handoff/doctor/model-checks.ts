import type { Settings } from '../../config/setting-types.js';
import { maskSecret } from '../../config/mask-secret.js';
import { LitecodeError } from '../../errors/litecode-error.js';
import type { DoctorCheck } from './doctor-check.js';

/** The model server calls doctor makes; the CLI passes the real ones from src/model, tests may pass others. */
export interface ModelProbes {
  probeModelServer(settings: Settings, timeoutMs: number): Promise<{ reachable: boolean; detail: string }>;
  describeOllamaModel(settings: Settings, timeoutMs?: number): Promise<{ contextLength?: number }>;
  listOllamaModels(settings: Settings, timeoutMs: number): Promise<string[]>;
}

const probeTimeoutMs = 2000;

export async function checkModel(settings: Settings, probes: ModelProbes): Promise<DoctorCheck[]> {
  return settings.provider === 'ollama' ? checkOllama(settings, probes) : checkGroq(settings, probes);
}

async function checkOllama(settings: Settings, probes: ModelProbes): Promise<DoctorCheck[]> {
  const server = await probes.probeModelServer(settings, probeTimeoutMs);
  if (!server.reachable) {
    return [
      { name: 'Ollama reachable', area: 'model', status: 'fail', detail: server.detail, fix: `start it with \`ollama serve\` (or set litecode.ollamaHost / OLLAMA_HOST to where it runs)` },
      { name: 'model pulled', area: 'model', status: 'skipped', detail: 'needs a reachable Ollama' },
      { name: 'context length', area: 'settings', status: 'skipped', detail: 'needs a reachable Ollama' },
    ];
  }
  const checks: DoctorCheck[] = [{ name: 'Ollama reachable', area: 'model', status: 'ok', detail: server.detail }];
  const models = await probes.listOllamaModels(settings, probeTimeoutMs).catch(() => undefined);
  if (models === undefined) {
    checks.push({ name: 'model pulled', area: 'model', status: 'fail', detail: `Ollama did not list its models (/api/tags)`, fix: 'check the Ollama server log (ollama serve)' });
  } else if (!models.some((model) => sameModel(model, settings.model))) {
    checks.push({ name: 'model pulled', area: 'model', status: 'fail', detail: `${settings.model} is not pulled (${models.length} other model${models.length === 1 ? '' : 's'} available)`, fix: `ollama pull ${settings.model}, or choose one of yours with git config litecode.model <name>` });
    checks.push({ name: 'context length', area: 'settings', status: 'skipped', detail: 'needs the model pulled' });
    return checks;
  } else {
    checks.push({ name: 'model pulled', area: 'model', status: 'ok', detail: settings.model });
  }
  checks.push(await checkContextLength(settings, probes));
  return checks;
}

async function checkContextLength(settings: Settings, probes: ModelProbes): Promise<DoctorCheck> {
  const name = 'context length';
  let contextLength: number | undefined;
  try {
    contextLength = (await probes.describeOllamaModel(settings, probeTimeoutMs)).contextLength;
  } catch (error) {
    const detail = error instanceof LitecodeError ? error.message : 'Ollama did not describe the model (/api/show)';
    return { name, area: 'model', status: 'fail', detail, fix: error instanceof LitecodeError && error.hint ? error.hint : 'check the Ollama server log' };
  }
  if (contextLength === undefined) return { name, area: 'settings', status: 'ok', detail: `num_ctx ${settings.context} (the model does not report its maximum)` };
  if (settings.context > contextLength) {
    return {
      name,
      area: 'settings',
      status: 'fail',
      detail: `num_ctx ${settings.context} is more than ${settings.model} supports (${contextLength})`,
      fix: `git config litecode.context ${contextLength}`,
    };
  }
  return { name, area: 'settings', status: 'ok', detail: `num_ctx ${settings.context} of the model's ${contextLength}` };
}

async function checkGroq(settings: Settings, probes: ModelProbes): Promise<DoctorCheck[]> {
  if (!settings.groqApiKey) {
    return [
      { name: 'Groq key', area: 'model', status: 'fail', detail: 'GROQ_API_KEY is not set', fix: 'export GROQ_API_KEY=<key from console.groq.com/keys>' },
      { name: 'Groq reachable', area: 'model', status: 'skipped', detail: 'needs a key' },
    ];
  }
  const checks: DoctorCheck[] = [{ name: 'Groq key', area: 'model', status: 'ok', detail: `GROQ_API_KEY ${maskSecret(settings.groqApiKey)}` }];
  const server = await probes.probeModelServer(settings, probeTimeoutMs);
  const keyRejected = /missing or invalid/.test(server.detail);
  checks.push(
    server.reachable && !keyRejected
      ? { name: 'Groq reachable', area: 'model', status: 'ok', detail: server.detail }
      : { name: 'Groq reachable', area: 'model', status: 'fail', detail: server.detail, fix: keyRejected ? 'check GROQ_API_KEY (console.groq.com/keys)' : 'check your network connection' },
  );
  return checks;
}

/** Ollama lists `name:tag`; a configured name without a tag means `:latest`. */
function sameModel(listed: string, configured: string): boolean {
  const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return withTag(listed) === withTag(configured);
}
