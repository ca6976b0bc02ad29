/** diff: the engine. Pure functions over plain data: datasets and settings in, a DiffResult out. */
export { diff, type DiffInput } from './diff.js';
export { NONE, PART_SEPARATOR, prepareGrouping } from './group.js';
export { describeChange } from './findings.js';
export type * from './types.js';
