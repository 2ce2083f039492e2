/**
 * Fault knobs. They act on requests and responses only — a refused or failed request is refused
 * BEFORE its handler runs, and duplicated or reordered feed entries are copies of frozen snapshots —
 * so no fault can change what the store holds. /_sim/* (the control API) is never faulted.
 */
import { z } from "zod";
import { Prng } from "./prng.ts";

export const faultSettings = z.object({
  /** added to every response */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** share of requests answered 500 or 503 */
  errorRate: z.number().min(0).max(1).default(0),
  /** refuse everything with 503 */
  down: z.boolean().default(false),
  /** refuse everything with 503 until this epoch ms */
  downUntil: z.number().int().nullable().default(null),
  /** per feed entry: the chance it is delivered twice (in the same page, or again at the start of the next) */
  duplicateRate: z.number().min(0).max(1).default(0),
  /** per feed page: the chance its entries come shuffled */
  reorderRate: z.number().min(0).max(1).default(0),
});
export type FaultSettings = z.infer<typeof faultSettings>;

/** what POST /_sim/faults accepts: any subset, plus `downForMs` as a shorthand for downUntil = now + ms */
export const faultPatch = faultSettings.partial().extend({ downForMs: z.number().int().min(0).optional() });
export type FaultPatch = z.infer<typeof faultPatch>;

export type FaultVerdict = { status: 500 | 503; code: string; message: string; retryAfterSeconds?: number } | null;

export class Faults {
  private current: FaultSettings = faultSettings.parse({});
  private readonly rng: Prng;

  constructor(seed: number, initial: FaultPatch = {}) {
    this.rng = new Prng(seed ^ 0x5eed);
    this.update(initial);
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  update(patch: FaultPatch, now = Date.now()): FaultSettings {
    const { downForMs, ...rest } = faultPatch.parse(patch);
    this.current = faultSettings.parse({ ...this.current, ...rest });
    if (downForMs !== undefined) this.current.downUntil = now + downForMs;
    return this.settings;
  }

  reset(): FaultSettings {
    this.current = faultSettings.parse({});
    return this.settings;
  }

  isDown(now = Date.now()): boolean {
    return this.current.down || (this.current.downUntil !== null && now < this.current.downUntil);
  }

  /** decides, before a request is handled, whether it is refused */
  verdict(now = Date.now()): FaultVerdict {
    if (this.isDown(now)) {
      const seconds = this.current.downUntil ? Math.ceil((this.current.downUntil - now) / 1000) : 30;
      return { status: 503, code: "UNAVAILABLE", message: "platform down (simulated)", retryAfterSeconds: seconds };
    }
    if (this.rng.chance(this.current.errorRate)) {
      return this.rng.chance(0.5)
        ? { status: 500, code: "INTERNAL", message: "internal error (simulated)" }
        : { status: 503, code: "UNAVAILABLE", message: "overloaded (simulated)", retryAfterSeconds: 1 };
    }
    return null;
  }

  async delay(): Promise<void> {
    if (this.current.latencyMs > 0) await new Promise((r) => setTimeout(r, this.current.latencyMs));
  }

  /**
   * Shapes one feed page of entries with seq after `afterSeq`: duplicates and shuffles per the knobs,
   * and sometimes moves the checkpoint back by one so the last entry comes again in the next page.
   */
  shapePage<T extends { seq: number }>(entries: readonly T[], afterSeq: number): { entries: T[]; next: number } {
    const out: T[] = [];
    for (const entry of entries) {
      out.push(entry);
      if (this.rng.chance(this.current.duplicateRate)) out.push(entry);
    }
    if (this.rng.chance(this.current.reorderRate)) this.rng.shuffle(out);
    const last = entries.at(-1)?.seq ?? afterSeq;
    const redeliver = entries.length >= 2 && this.rng.chance(this.current.duplicateRate);
    return { entries: out, next: redeliver ? last - 1 : last };
  }
}
