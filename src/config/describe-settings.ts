import { describeSource, sourceColumns } from './describe-source.js';
import { maskSecret } from './mask-secret.js';
import { settingKeys } from './setting-keys.js';
import type { ResolvedSettings, SettingSource } from './setting-types.js';

export interface SettingLine {
  /** The name users write: the git key (`litecode.hook.timeout`), or the variable for environment-only settings. */
  key: string;
  value: string | number | boolean | null;
  source: SettingSource;
  /** The source in git's words: `command line`, `global file:/home/u/.gitconfig`, `default`… */
  sourceText: string;
  scope: string;
  origin: string | null;
}

/** The effective settings as printable rows; secrets are masked here so no caller can forget. */
export function describeSettings(resolved: ResolvedSettings): SettingLine[] {
  return settingKeys.map((key) => {
    const raw = resolved.settings[key.name];
    const value = key.name === 'groqApiKey' ? (maskSecret(raw as string | undefined) ?? null) : (raw ?? null);
    const source = resolved.sources[key.name];
    return { key: key.gitKey ?? key.environment[0]!, value, source, sourceText: describeSource(source), ...sourceColumns(source) };
  });
}
