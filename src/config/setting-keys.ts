import type { Settings } from './setting-types.js';

/** How one setting is named in each source. `gitKey` undefined: never read from git config (secrets). */
export interface SettingKey {
  name: keyof Settings;
  environment: readonly string[];
  gitKey: string | undefined;
  kind: 'string' | 'integer' | 'boolean';
  describe: string;
  /**
   * An integer counted in seconds. git's k, m and g suffixes multiply by 1024, so `10m` would be
   * 10485760 seconds, not ten minutes: such a value is refused rather than read that way.
   */
  seconds?: true;
  /** A valid value for an integer, shown when one is refused. */
  example?: string;
}

export const settingKeys: readonly SettingKey[] = [
  { name: 'provider', environment: ['LITECODE_PROVIDER'], gitKey: 'litecode.provider', kind: 'string', describe: 'ollama or groq' },
  { name: 'model', environment: ['LITECODE_MODEL'], gitKey: 'litecode.model', kind: 'string', describe: 'model name' },
  { name: 'ollamaHost', environment: ['LITECODE_OLLAMA_HOST', 'OLLAMA_HOST'], gitKey: 'litecode.ollamaHost', kind: 'string', describe: 'Ollama server URL' },
  { name: 'groqApiKey', environment: ['GROQ_API_KEY'], gitKey: undefined, kind: 'string', describe: 'Groq API key (environment only)' },
  { name: 'groqBaseUrl', environment: ['LITECODE_GROQ_BASE_URL', 'GROQ_BASE_URL'], gitKey: 'litecode.groqBaseUrl', kind: 'string', describe: 'Groq API base URL' },
  { name: 'context', environment: ['LITECODE_CONTEXT'], gitKey: 'litecode.context', kind: 'integer', describe: 'context window in tokens (num_ctx)', example: '8192 or 8k' },
  { name: 'outputReserve', environment: ['LITECODE_OUTPUT_RESERVE'], gitKey: 'litecode.outputReserve', kind: 'integer', describe: 'tokens reserved for the reply (num_predict)', example: '2048 or 2k' },
  { name: 'keepAlive', environment: ['LITECODE_KEEP_ALIVE'], gitKey: 'litecode.keepAlive', kind: 'string', describe: 'how long Ollama keeps the model loaded' },
  { name: 'timeoutSeconds', environment: ['LITECODE_TIMEOUT'], gitKey: 'litecode.timeout', kind: 'integer', describe: 'total seconds per model call', seconds: true, example: '600' },
  { name: 'parallel', environment: ['LITECODE_PARALLEL'], gitKey: 'litecode.parallel', kind: 'integer', describe: 'concurrent Groq calls', example: '3' },
  { name: 'check', environment: ['LITECODE_CHECK'], gitKey: 'litecode.check', kind: 'string', describe: 'command run by the --check gate' },
  { name: 'hookTimeoutSeconds', environment: ['LITECODE_HOOK_TIMEOUT'], gitKey: 'litecode.hook.timeout', kind: 'integer', describe: 'pre-commit hook time limit in seconds', seconds: true, example: '20' },
  { name: 'hookBlock', environment: ['LITECODE_HOOK_BLOCK'], gitKey: 'litecode.hook.block', kind: 'boolean', describe: 'let the pre-commit hook block commits' },
];
