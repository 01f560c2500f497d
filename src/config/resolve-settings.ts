import { UsageError } from '../errors/litecode-error.js';
import { describeSource } from './describe-source.js';
import { parseGitBoolean, parseGitInteger } from './git-config-values.js';
import { canonicalGitConfigKey, readLitecodeGitConfig } from './read-git-config.js';
import { settingKeys, type SettingKey } from './setting-keys.js';
import {
  defaultModels,
  minimumContext,
  providers,
  type Provider,
  type ResolvedSettings,
  type SettingSource,
  type Settings,
} from './setting-types.js';
import { validateModelName } from './validate-model-name.js';

const maximumContext = 1 << 21;
/** The prompt always keeps at least this much room: below it no useful request fits. */
const minimumPromptRoom = 1024;

type Found = { raw: string | number | boolean | null | undefined; source: SettingSource; label: string };

/**
 * Settings from, in order: flags, environment, git config, defaults. git config is read with
 * one `git config` run, so every scope git knows counts with git's precedence (see
 * readLitecodeGitConfig). Works outside a repository. Never writes config.
 */
export async function resolveSettings(options: {
  cwd: string;
  flags: Partial<Settings>;
  /** The process environment by default; tests pass their own. */
  environment?: Record<string, string | undefined>;
}): Promise<ResolvedSettings> {
  const environment = options.environment ?? process.env;
  const gitConfig = await readLitecodeGitConfig(options.cwd, options.environment);

  const find = (key: SettingKey): Found | undefined => {
    const flag = options.flags[key.name];
    if (flag !== undefined) {
      const source: SettingSource = { kind: 'flag', flag: `--${flagLabel(key.name)}` };
      return { raw: flag, source, label: `the ${source.flag} flag` };
    }
    for (const variable of key.environment) {
      const value = environment[variable];
      if (value !== undefined && value !== '') return { raw: value, source: { kind: 'environment', variable }, label: `$${variable}` };
    }
    if (key.gitKey !== undefined) {
      const entry = gitConfig.get(canonicalGitConfigKey(key.gitKey));
      if (entry) {
        const source: SettingSource = { kind: 'git', scope: entry.scope, origin: entry.origin };
        return { raw: entry.value, source, label: `${key.gitKey} (${describeSource(source)})` };
      }
    }
    return undefined;
  };

  const sources = {} as Record<keyof Settings, SettingSource>;
  const values: Partial<Record<keyof Settings, string | number | boolean | undefined>> = {};
  for (const key of settingKeys) {
    const found = find(key);
    sources[key.name] = found?.source ?? { kind: 'default' };
    if (found) values[key.name] = parseValue(key, found);
  }

  const provider = parseProvider(values.provider, find(keyNamed('provider')));
  const context = (values.context as number | undefined) ?? 8192;
  const contextLabel = find(keyNamed('context'))?.label ?? 'the default';
  if (context < minimumContext) {
    throw new UsageError(
      `the context size from ${contextLabel} is ${context} tokens, below the minimum of ${minimumContext}`,
      `set it to ${minimumContext} or more (8192 suits a 7B model), e.g. git config litecode.context 8192`,
    );
  }
  if (context > maximumContext) throw new UsageError(`the context size from ${contextLabel} is ${context} tokens, more than any model supports`, 'use the model\'s real context length, e.g. 8192');
  const outputReserve = (values.outputReserve as number | undefined) ?? Math.min(2048, Math.floor(context / 4));
  if (outputReserve < 1 || outputReserve > context - minimumPromptRoom) {
    throw new UsageError(
      `the output reserve from ${find(keyNamed('outputReserve'))?.label ?? 'the default'} is ${outputReserve} tokens, which leaves no room for a prompt in a context of ${context}`,
      `keep it between 1 and ${context - minimumPromptRoom}, e.g. ${Math.min(2048, Math.floor(context / 4))}`,
    );
  }

  const model = values.model === undefined ? defaultModels[provider] : validateModelName(String(values.model), find(keyNamed('model'))!.label);
  const ollamaHost = normaliseUrl(String(values.ollamaHost ?? 'http://127.0.0.1:11434'), find(keyNamed('ollamaHost'))?.label ?? 'the default', true);
  const groqBaseUrl = values.groqBaseUrl === undefined ? undefined : normaliseUrl(String(values.groqBaseUrl), find(keyNamed('groqBaseUrl'))!.label, false);

  const settings: Settings = {
    provider,
    model,
    ollamaHost,
    groqApiKey: values.groqApiKey === undefined ? undefined : String(values.groqApiKey).trim(),
    groqBaseUrl,
    context,
    outputReserve,
    keepAlive: String(values.keepAlive ?? '10m'),
    timeoutSeconds: positive(values.timeoutSeconds, 600, find(keyNamed('timeoutSeconds'))),
    parallel: positive(values.parallel, 3, find(keyNamed('parallel'))),
    check: values.check === undefined || values.check === '' ? undefined : String(values.check),
    hookTimeoutSeconds: positive(values.hookTimeoutSeconds, 20, find(keyNamed('hookTimeoutSeconds'))),
    hookBlock: (values.hookBlock as boolean | undefined) ?? false,
  };
  if (!/^(-1|0|\d+(\.\d+)?(ms|s|m|h)?)$/.test(settings.keepAlive)) {
    throw new UsageError(`the keep-alive from ${find(keyNamed('keepAlive'))?.label} is not a duration: ${JSON.stringify(settings.keepAlive)}`, 'use a duration such as 10m, 1h or 0');
  }
  return { settings, sources };
}

function keyNamed(name: keyof Settings): SettingKey {
  return settingKeys.find((key) => key.name === name)!;
}

function flagLabel(name: keyof Settings): string {
  return { ollamaHost: 'host', timeoutSeconds: 'timeout' }[name as string] ?? name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function parseValue(key: SettingKey, found: Found): string | number | boolean {
  const raw = found.raw;
  if (key.kind === 'string') return raw === null ? '' : String(raw);
  if (key.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    // A key written without `=` (null) is true, as in git.
    const value = parseGitBoolean(raw === null || raw === undefined ? null : String(raw).trim());
    if (value === undefined) throw new UsageError(`${found.label} is not a boolean: ${JSON.stringify(raw)}`, 'use true or false (git also accepts yes/no, on/off, 1/0)');
    return value;
  }
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) throw new UsageError(`${found.label} is not a whole number: ${raw}`, `set ${key.describe} as a whole number`);
    return raw;
  }
  const text = raw === null || raw === undefined ? '' : String(raw);
  const parsed = parseGitInteger(text);
  const example = `e.g. ${key.example ?? '8'}${key.seconds ? '' : " (git's k, m and g suffixes work)"}`;
  if (!parsed.ok) {
    const why = parsed.reason === 'out of range' ? 'is out of range' : 'is not a whole number';
    throw new UsageError(`${found.label} ${why}: ${JSON.stringify(raw ?? '')}`, `set ${key.describe} as a whole number, ${example}`);
  }
  if (key.seconds && /[kmg]\s*$/i.test(text)) {
    throw new UsageError(`${found.label} is in seconds, and ${JSON.stringify(text)} reads as ${parsed.value} of them (git's k, m and g multiply by 1024)`, `write the seconds as a plain number, ${example}`);
  }
  return parsed.value;
}

function parseProvider(raw: unknown, found: Found | undefined): Provider {
  if (raw === undefined) return 'ollama';
  const name = String(raw).trim().toLowerCase();
  if ((providers as readonly string[]).includes(name)) return name as Provider;
  throw new UsageError(`unknown provider ${JSON.stringify(raw)} from ${found?.label}`, 'use --provider ollama or --provider groq');
}

function positive(raw: unknown, fallback: number, found: Found | undefined): number {
  if (raw === undefined) return fallback;
  const value = raw as number;
  if (value < 1) throw new UsageError(`${found?.label} must be at least 1, not ${value}`, `remove it to use the default (${fallback})`);
  return value;
}

function normaliseUrl(text: string, label: string, allowBareHost: boolean): string {
  const hasScheme = /^[a-z]+:\/\//i.test(text.trim());
  // OLLAMA_HOST is often written `127.0.0.1:11434` or `0.0.0.0`, as the Ollama server accepts.
  const candidate = allowBareHost && !hasScheme ? `http://${text.trim()}` : text.trim();
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new UsageError(`${label} is not a URL: ${JSON.stringify(text)}`, 'use a URL such as http://127.0.0.1:11434');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${label} must be an http or https URL, not ${JSON.stringify(text)}`, 'use a URL such as http://127.0.0.1:11434');
  // The Ollama server listens on 0.0.0.0 when told to; a client must connect to a real address.
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (allowBareHost && !hasScheme && url.port === '') url.port = '11434';
  return url.toString().replace(/\/$/, '');
}
