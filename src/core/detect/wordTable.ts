// A hash table from word hashes (non-negative 30-bit integers, see text/normalize.ts) to non-zero 32-bit
// integers, with open addressing over typed arrays. Stop-word lookups run once for every word of every
// line, and this is several times faster there than a Map or Set of numbers.

const EMPTY = -1;
const INITIAL_CAPACITY = 64;

export class WordTable {
  private keys = new Int32Array(INITIAL_CAPACITY).fill(EMPTY);
  private values = new Int32Array(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value stored for key, 0 when there is none. */
  get(key: number): number {
    const keys = this.keys;
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.values[slot];
      if (found === EMPTY) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== 0;
  }

  /** Stores a non-zero value for key (a word hash: 0 <= key < 2^30). */
  set(key: number, value: number): void {
    if (!(key >= 0 && key < 0x40000000 && Number.isInteger(key))) throw new RangeError(`not a word hash: ${key}`);
    if (value === 0) throw new RangeError('WordTable values must not be 0');
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.keys[slot];
      if (found === key) {
        this.values[slot] = value;
        return;
      }
      if (found === EMPTY) {
        this.keys[slot] = key;
        this.values[slot] = value;
        this.count++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i], oldValues[i]);
  }
}
