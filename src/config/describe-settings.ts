import { maskSecret } from './mask-secret.js';
import { settingKeys } from './setting-keys.js';
import type { ResolvedSettings, SettingSource } from './setting-types.js';

export interface SettingLine {
  name: string;
  gitKey: string | undefined;
  value: string | number | boolean | null;
  source: SettingSource;
}

/** The effective settings as printable rows; secrets are masked here so no caller can forget. */
export function describeSettings(resolved: ResolvedSettings): SettingLine[] {
  return settingKeys.map((key) => {
    const raw = resolved.settings[key.name];
    const value = key.name === 'groqApiKey' ? (maskSecret(raw as string | undefined) ?? null) : (raw ?? null);
    return { name: key.name, gitKey: key.gitKey, value, source: resolved.sources[key.name] };
  });
}
