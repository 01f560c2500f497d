import type { Options } from 'yargs';
import type { Settings } from './setting-types.js';

/** The flags every command that calls a model accepts. They win over environment and git config. */
export const modelFlagOptions = {
  provider: { type: 'string', choices: ['ollama', 'groq'], describe: 'Model provider (litecode.provider)', requiresArg: true },
  model: { type: 'string', describe: 'Model name, e.g. qwen2.5-coder:7b (litecode.model)', requiresArg: true },
  host: { type: 'string', describe: 'Ollama server URL (OLLAMA_HOST, litecode.ollamaHost)', requiresArg: true },
  context: { type: 'number', describe: 'Context window in tokens, num_ctx (litecode.context)', requiresArg: true },
  timeout: { type: 'number', describe: 'Total seconds allowed per model call (litecode.timeout)', requiresArg: true },
  parallel: { type: 'number', describe: 'Concurrent Groq calls for independent files (litecode.parallel)', requiresArg: true },
} as const satisfies Record<string, Options>;

export interface ModelFlagArguments {
  provider?: string;
  model?: string;
  host?: string;
  context?: number;
  timeout?: number;
  parallel?: number;
}

/** The flags the user actually gave, as settings; resolveSettings validates them. */
export function settingsFlagsFromArgv(argv: ModelFlagArguments): Partial<Settings> {
  const flags: Partial<Settings> = {};
  if (argv.provider !== undefined) flags.provider = argv.provider as Settings['provider'];
  if (argv.model !== undefined) flags.model = argv.model;
  if (argv.host !== undefined) flags.ollamaHost = argv.host;
  if (argv.context !== undefined) flags.context = argv.context;
  if (argv.timeout !== undefined) flags.timeoutSeconds = argv.timeout;
  if (argv.parallel !== undefined) flags.parallel = argv.parallel;
  return flags;
}
