import type { GitConfigScope } from './read-git-config.js';

/** Every setting git-litecode reads, fully resolved. */
export type Provider = 'ollama' | 'groq';
export const providers: readonly Provider[] = ['ollama', 'groq'];

export interface Settings {
  provider: Provider;
  model: string;
  ollamaHost: string;
  groqApiKey: string | undefined;
  groqBaseUrl: string | undefined;
  /** num_ctx: the whole window, prompt plus reply. */
  context: number;
  /** num_predict: tokens kept free for the reply. */
  outputReserve: number;
  keepAlive: string;
  timeoutSeconds: number;
  /** Concurrent calls for independent edits; Groq only, Ollama stays sequential. */
  parallel: number;
  check: string | undefined;
  hookTimeoutSeconds: number;
  hookBlock: boolean;
}

/**
 * Where a setting's value came from, in git's terms: a flag, an environment variable, a git
 * config scope with its origin (as `git config --show-scope --show-origin` names them), or the
 * default.
 */
export type SettingSource =
  | { kind: 'flag'; flag: string }
  | { kind: 'environment'; variable: string }
  | { kind: 'git'; scope: GitConfigScope; origin: string }
  | { kind: 'default' };

export interface ResolvedSettings {
  settings: Settings;
  sources: Record<keyof Settings, SettingSource>;
}

export const defaultModels: Record<Provider, string> = {
  ollama: 'qwen2.5-coder:7b',
  groq: 'llama-3.3-70b-versatile',
};

export const minimumContext = 2048;
