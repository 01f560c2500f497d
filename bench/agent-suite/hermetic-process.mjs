// Imported first by the suite: this process's git and settings see no machine or user config,
// only a temp HOME with a known identity (runRequest runs in-process and reads process.env).
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const suiteRoot = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-agent-suite-')));
const home = join(suiteRoot, 'home');
const globalConfig = join(suiteRoot, 'gitconfig');
writeFileSync(globalConfig, '[user]\n\tname = Bench User\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');

for (const key of Object.keys(process.env)) {
  if (/^(GIT_|LITECODE_|OLLAMA_|GROQ_)/.test(key) || key === 'CI' || key === 'EMAIL') delete process.env[key];
}
Object.assign(process.env, {
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: globalConfig,
  NO_COLOR: '1',
});
