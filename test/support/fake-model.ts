import { startFakeModelServer, type FakeModel, type FakeModelServer, type Script } from '../../src/fake-model/fake-model-server.js';
import type { Settings } from '../../src/config/setting-types.js';

export type { ScriptedReply, RecordedRequest } from '../../src/fake-model/fake-model-server.js';

export interface FakeModelHarness extends FakeModelServer {
  /** Environment for a CLI process (merge over hermeticEnv) that points the chosen provider here. */
  env(provider?: 'ollama' | 'groq', apiKey?: string): Record<string, string>;
  /** Resolved settings for an in-process client pointed here. */
  settings(overrides?: Partial<Settings>): Settings;
  /** Only the chat requests (not /api/show or /api/tags). */
  chatRequests(): FakeModelServer['requests'];
}

/** Starts the scripted fake model server for one test; close it in the test's `finally`. */
export async function startFakeModel(script: Script, options: { models?: FakeModel[] } = {}): Promise<FakeModelHarness> {
  const server = await startFakeModelServer(script, options);
  return {
    ...server,
    env: (provider = 'ollama', apiKey = 'gsk_test_canary_key_0123456789abcdef') => ({
      LITECODE_PROVIDER: provider,
      OLLAMA_HOST: server.url,
      GROQ_BASE_URL: server.url,
      GROQ_API_KEY: apiKey,
    }),
    settings: (overrides = {}) => ({
      provider: 'ollama',
      model: 'qwen2.5-coder:7b',
      ollamaHost: server.url,
      groqApiKey: 'gsk_test_canary_key_0123456789abcdef',
      groqBaseUrl: server.url,
      context: 8192,
      outputReserve: 2048,
      keepAlive: '10m',
      timeoutSeconds: 30,
      parallel: 3,
      check: undefined,
      hookTimeoutSeconds: 20,
      hookBlock: false,
      ...overrides,
    }),
    chatRequests: () => server.requests.filter((request) => request.path === '/api/chat' || request.path === '/openai/v1/chat/completions'),
  };
}
