import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from '../errors.js';

/** Where a field sits in the YAML source, and a "did you mean" for misspelt keys. */

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}

export function positionOf(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): { line?: number; column?: number } {
  // Walk down as far as the path exists; an issue on a missing field points at its parent.
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  const parts = key === undefined ? path : [...path, key];
  for (const [i, part] of parts.entries()) {
    if (!node || typeof node !== 'object' || !('items' in node)) break;
    const isLastKey = key !== undefined && i === parts.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      found = (isLastKey ? pair.key : (pair.value ?? pair.key)) as Node;
      node = pair.value;
    } else {
      const items = (node as { items: unknown[] }).items;
      const item = typeof part === 'number' ? items[part] : undefined;
      if (!item) break;
      found = item as Node;
      node = item;
    }
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return {};
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

export function didYouMean(key: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const guess = closest(key, [...known]);
  return distance(key, guess) <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${guess}'?)` : '';
}

export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
