/**
 * A property computed on first read and then kept as plain data: a table's id lists are made only if
 * something reads them (the diff does not). Enumerable, so copies and clones still see it.
 */
export function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}
