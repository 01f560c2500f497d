import type { Options } from 'yargs';
import { UsageError } from '../errors/litecode-error.js';
import { parseGitInteger } from './git-config-values.js';
import type { Settings } from './setting-types.js';

/** The flags every command that calls a model accepts. They win over environment and git config. */
export const modelFlagOptions = {
  provider: { type: 'string', choices: ['ollama', 'groq'], describe: 'Model provider (litecode.provider)', requiresArg: true },
  model: { type: 'string', describe: 'Model name, e.g. qwen2.5-coder:7b (litecode.model)', requiresArg: true },
  host: { type: 'string', describe: 'Ollama server URL (OLLAMA_HOST, litecode.ollamaHost)', requiresArg: true },
  // Strings, read as git reads integers, so --context 16k works as litecode.context=16k does.
  context: { type: 'string', describe: 'Context window in tokens, num_ctx, e.g. 8192 or 16k (litecode.context)', requiresArg: true },
  timeout: { type: 'string', describe: 'Total seconds allowed per model call (litecode.timeout)', requiresArg: true },
  parallel: { type: 'string', describe: 'Concurrent Groq calls for independent files (litecode.parallel)', requiresArg: true },
} as const satisfies Record<string, Options>;

export interface ModelFlagArguments {
  provider?: string;
  model?: string;
  host?: string;
  context?: string | number;
  timeout?: string | number;
  parallel?: string | number;
}

/** The flags the user actually gave, as settings; resolveSettings validates them. */
export function settingsFlagsFromArgv(argv: ModelFlagArguments): Partial<Settings> {
  const flags: Partial<Settings> = {};
  if (argv.provider !== undefined) flags.provider = argv.provider as Settings['provider'];
  if (argv.model !== undefined) flags.model = argv.model;
  if (argv.host !== undefined) flags.ollamaHost = argv.host;
  if (argv.context !== undefined) flags.context = integerFlag('context', argv.context);
  if (argv.timeout !== undefined) flags.timeoutSeconds = integerFlag('timeout', argv.timeout);
  if (argv.parallel !== undefined) flags.parallel = integerFlag('parallel', argv.parallel);
  return flags;
}

function integerFlag(name: string, value: string | number): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const parsed = parseGitInteger(String(value));
  // Seconds: git's k/m/g multiply by 1024, so `--timeout 10m` would be 10485760 s, not ten minutes.
  if (parsed.ok && name === 'timeout' && /[kmg]\s*$/i.test(String(value))) {
    throw new UsageError(`the --timeout flag is in seconds, and ${JSON.stringify(String(value))} reads as ${parsed.value} of them (git's k, m and g multiply by 1024)`, 'write the seconds as a plain number, e.g. 600');
  }
  if (parsed.ok) return parsed.value;
  throw new UsageError(`the --${name} flag ${parsed.reason === 'out of range' ? 'is out of range' : 'is not a whole number'}: ${JSON.stringify(String(value))}`, `give a whole number, e.g. --${name} ${name === 'context' ? '8192 (or 8k)' : '3'}`);
}
