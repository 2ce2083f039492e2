/**
 * A small seeded PRNG (mulberry32): the same seed gives the same activity, so a failing run can be
 * replayed. Not for anything secret.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError("pick from an empty list");
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** `n` distinct elements (all of them when the list is shorter) */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    this.shuffle(copy);
    return copy.slice(0, n);
  }

  shuffle<T>(list: T[]): void {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
  }
}

/** mixes two numbers into a seed, so a restarted simulator continues on a different, still reproducible, stream */
export const mixSeed = (seed: number, salt: number): number => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ salt) >>> 0;
