import type { Settings } from '../../config/setting-types.js';
import { maskSecret } from '../../config/mask-secret.js';
import { LitecodeError } from '../../errors/litecode-error.js';
import type { GroqModelList } from '../../model/probe-model-server.js';
import { adviseOnModelName } from '../../model/model-suggestions.js';
import type { DoctorCheck } from './doctor-check.js';

/** The model server calls doctor makes; the CLI passes the real ones from src/model, tests may pass others. */
export interface ModelProbes {
  probeModelServer(settings: Settings, timeoutMs: number): Promise<{ reachable: boolean; detail: string }>;
  describeOllamaModel(settings: Settings, timeoutMs?: number): Promise<{ contextLength?: number }>;
  listOllamaModels(settings: Settings, timeoutMs: number): Promise<string[]>;
  listGroqModels(settings: Settings, timeoutMs: number): Promise<GroqModelList>;
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
    const advice = adviseOnModelName(settings.model, models);
    checks.push({
      name: 'model pulled',
      area: 'model',
      status: 'fail',
      detail: `${settings.model} is not pulled (${installedModels(models)})`,
      fix: advice.typo
        ? `did you mean ${advice.closest.join(' or ')}? git config litecode.model ${advice.closest[0]}`
        : `ollama pull ${settings.model}, or choose one of yours with git config litecode.model <name>`,
    });
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
  const base = settings.groqBaseUrl ?? 'https://api.groq.com';
  const listed = await probes.listGroqModels(settings, probeTimeoutMs);
  const modelSkipped = (detail: string): DoctorCheck => ({ name: 'Groq model', area: 'model', status: 'skipped', detail });
  switch (listed.kind) {
    case 'key-rejected':
      return [...checks, { name: 'Groq reachable', area: 'model', status: 'fail', detail: 'Groq is reachable but GROQ_API_KEY is missing or invalid', fix: 'check GROQ_API_KEY (console.groq.com/keys)' }, modelSkipped('needs a working key')];
    case 'http-error':
      return [
        ...checks,
        {
          name: 'Groq reachable',
          area: 'model',
          status: 'fail',
          detail: `${listed.url} answered HTTP ${listed.status}${listed.status === 404 ? ', so this is not Groq\'s API' : ''}`,
          fix: listed.status === 404 ? 'check GROQ_BASE_URL / litecode.groqBaseUrl (unset it to use https://api.groq.com)' : 'try again later, or use --provider ollama',
        },
        modelSkipped('needs Groq\'s model list'),
      ];
    case 'unreachable':
      return [...checks, { name: 'Groq reachable', area: 'model', status: 'fail', detail: listed.detail, fix: listed.hint }, modelSkipped('needs a reachable Groq')];
    case 'listed':
      break;
  }
  checks.push({ name: 'Groq reachable', area: 'model', status: 'ok', detail: `Groq at ${base} lists ${listed.models.length} model${listed.models.length === 1 ? '' : 's'}` });
  if (listed.models.includes(settings.model)) {
    checks.push({ name: 'Groq model', area: 'model', status: 'ok', detail: settings.model });
    return checks;
  }
  const advice = adviseOnModelName(settings.model, listed.models);
  checks.push({
    name: 'Groq model',
    area: 'model',
    status: 'fail',
    detail: `Groq has no model ${settings.model}${advice.closest.length > 0 ? ` (closest: ${advice.closest.join(', ')})` : ''}`,
    fix: advice.typo ? `git config litecode.model ${advice.closest[0]}` : 'choose one listed at console.groq.com/docs/models, then git config litecode.model <name>',
  });
  return checks;
}

/** The installed names, so the user can pick one: all of them up to five, then how many more. */
function installedModels(models: readonly string[]): string {
  const shown = models.filter((name) => /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/.test(name));
  if (shown.length === 0) return 'no models are pulled yet';
  const listed = shown.slice(0, 5).join(', ');
  return `installed: ${listed}${shown.length > 5 ? ` and ${shown.length - 5} more (ollama list)` : ''}`;
}

/** Ollama lists `name:tag`; a configured name without a tag means `:latest`. */
function sameModel(listed: string, configured: string): boolean {
  const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);
  return withTag(listed) === withTag(configured);
}
