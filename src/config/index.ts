/** config: `.github/trace-differ.yml` → a validated, defaults-merged `Config`. */
export { loadConfig, parseConfig, parseBaseline, parseGroupBy } from './load.js';
export { parseChange, formatChange } from './change.js';
export { DEFAULT_SETTINGS, DEFAULT_BASELINE, defaultSettingsWith } from './defaults.js';
export type * from './types.js';
