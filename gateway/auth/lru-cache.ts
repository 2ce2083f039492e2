/**
 * A bounded map that evicts what was not used lately: least recently used first, to within half its capacity. Map
 * keeps insertion order and evicts from the front; a hit moves its entry to the end only when the entry has drifted
 * into the older half of the order. Every insert and move counts one step,
 * and an entry is never more positions from the end than steps since it was last put there: an entry put there
 * fewer than half the capacity's steps ago is in the newer half, and moving it again would change no eviction.
 * So an entry used at least once in every `maxEntries / 2` steps is never evicted, and a hit on it (the verified
 * token cache's usual case) is one Map lookup rather than a delete and an insert.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; step: number }>();
  #steps = 0;

  constructor(readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#steps - entry.step >= this.maxEntries / 2) {
      this.#entries.delete(key);
      entry.step = ++this.#steps;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, step: ++this.#steps });
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
