// The public face of src/config: types, resolution and the shared model flags.
export * from './setting-types.js';
export { resolveSettings } from './resolve-settings.js';
export { modelFlagOptions, settingsFlagsFromArgv, type ModelFlagArguments } from './model-flags.js';
export { describeSettings, type SettingLine } from './describe-settings.js';
export { maskSecret } from './mask-secret.js';
