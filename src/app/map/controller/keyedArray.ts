/**
 * Values by key kept in a typed array, read like a Map of the keys that have a value: the
 * map controller rewrites the array in place on every recount (venue sizes, capitals, host
 * rings), so a window step allocates nothing for them. A Map cleared and refilled instead
 * reallocates its table on every step, and at 100k meetings that garbage outlived the step
 * and brought the major collections that stalled it (issue 19).
 */
export class KeyedArray<V> {
  /** The codes, one per key, in `allKeys`' order: written by the owner, 0 for no value. */
  readonly codes: Uint32Array;
  private readonly index: Map<string, number>;

  constructor(
    readonly allKeys: readonly string[],
    private readonly decode: (code: number) => V,
  ) {
    this.codes = new Uint32Array(allKeys.length);
    this.index = new Map(allKeys.map((k, i) => [k, i]));
  }

  /** The value of `key`; undefined when it has none (code 0) or is not a key. */
  get(key: string): V | undefined {
    const i = this.index.get(key);
    return i === undefined || this.codes[i] === 0 ? undefined : this.decode(this.codes[i]!);
  }

  has(key: string): boolean {
    const i = this.index.get(key);
    return i !== undefined && this.codes[i] !== 0;
  }

  /** The code of `key` (0: none), for a caller that adds to it. */
  codeOf(key: string): number {
    const i = this.index.get(key);
    return i === undefined ? 0 : this.codes[i]!;
  }

  /** Sets the code of `key`; unknown keys are ignored. */
  setCode(key: string, code: number): void {
    const i = this.index.get(key);
    if (i !== undefined) this.codes[i] = code;
  }

  /** The keys that have a value, in `allKeys`' order. */
  *present(): IterableIterator<string> {
    for (let i = 0; i < this.allKeys.length; i++) if (this.codes[i] !== 0) yield this.allKeys[i]!;
  }

  /** [key, value] of the keys that have a value, as a Map iterates. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (let i = 0; i < this.allKeys.length; i++) if (this.codes[i] !== 0) yield [this.allKeys[i]!, this.decode(this.codes[i]!)];
  }
}

/** Counts: the code is the count. */
export const asCount = (code: number): number => code;
