/**
 * Open-addressing hash tables over typed arrays, for the million-span passes of the grouping:
 * a JavaScript Map of a million fresh strings spends most of its time growing and collecting
 * garbage; these hold only integers, start small and double when half full.
 */

const INITIAL_CAPACITY = 1024;

/** FNV-1a over the UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Interns strings (the grouping's value names) to dense ids 0, 1, 2, … in order of first appearance. */
export class StringIds {
  /** Interleaved [hash, id + 1] per slot: a probe reads one cache line, and strings compare only on equal hashes. */
  private slots = new Int32Array(INITIAL_CAPACITY * 2);
  private mask = INITIAL_CAPACITY - 1;
  readonly keys: string[] = [];

  /** The id of `key`, adding it when new. */
  intern(key: string): number {
    const hash = hashString(key);
    let at = hash & this.mask;
    for (;;) {
      const slot = this.slots[2 * at + 1]!;
      if (slot === 0) {
        this.keys.push(key);
        this.slots[2 * at] = hash;
        this.slots[2 * at + 1] = this.keys.length;
        if (this.keys.length * 2 > this.mask) this.grow();
        return this.keys.length - 1;
      }
      if (this.slots[2 * at] === hash && this.keys[slot - 1] === key) return slot - 1;
      at = (at + 1) & this.mask;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let at = old[s]! & this.mask;
      while (this.slots[2 * at + 1] !== 0) at = (at + 1) & this.mask;
      this.slots[2 * at] = old[s]!;
      this.slots[2 * at + 1] = old[s + 1]!;
    }
  }
}

function hashPair(x: number, y: number): number {
  const h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
  return h ^ (h >>> 16);
}

/** Interns pairs of non-negative integers to dense ids 0, 1, 2, … in order of first appearance. */
export class PairIds {
  /** Per slot [x, y, id + 1]. */
  private slots = new Int32Array(INITIAL_CAPACITY * 3);
  private mask = INITIAL_CAPACITY - 1;
  size = 0;

  intern(x: number, y: number): number {
    let at = hashPair(x, y) & this.mask;
    for (;;) {
      const slot = this.slots[3 * at + 2]!;
      if (slot === 0) {
        this.slots[3 * at] = x;
        this.slots[3 * at + 1] = y;
        this.slots[3 * at + 2] = ++this.size;
        if (this.size * 2 > this.mask) this.grow();
        return this.size - 1;
      }
      if (this.slots[3 * at] === x && this.slots[3 * at + 1] === y) return slot - 1;
      at = (at + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 2] === 0) continue;
      let at = hashPair(old[s]!, old[s + 1]!) & this.mask;
      while (this.slots[3 * at + 2] !== 0) at = (at + 1) & this.mask;
      this.slots[3 * at] = old[s]!;
      this.slots[3 * at + 1] = old[s + 1]!;
      this.slots[3 * at + 2] = old[s + 2]!;
    }
  }
}
