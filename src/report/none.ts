import { NONE, PART_SEPARATOR } from '../vocabulary.js';

/**
 * Whether a value is the one of the spans that lack its key, `(none)`, or (for a combined key,
 * `service+customer`) has such a part.
 */
export function hasNone(key: string, value: string): boolean {
  return value === NONE || (key.includes('+') && value.split(PART_SEPARATOR).includes(NONE));
}

/**
 * What `(none)` means, said once under the values of a key that show it, in every rendering: the
 * text in parts, with the key and `(none)` as `value` writes a value there (a code span, a DOM node).
 */
export function noneNote<T>(key: string, value: (text: string) => T): (string | T)[] {
  return key.includes('+')
    ? [
        'A ',
        value(NONE),
        ' part stands for the spans that have no value for that part of ',
        value(key),
        ', counted together.',
      ]
    : [value(NONE), ' stands for the spans that have no ', value(key), ' value, counted together as one value.'];
}
