/** Runs the activity generator at `rate` steps per second (0 = off), in small ticks. */
import type { ActivityGenerator } from "./generator.ts";

export class Pacer {
  private timer: NodeJS.Timeout | null = null;
  private budget = 0;
  private last = 0;
  private current = 0;

  constructor(
    private readonly generator: ActivityGenerator,
    rate: number,
  ) {
    this.setRate(rate);
  }

  get rate(): number {
    return this.current;
  }

  setRate(rate: number): void {
    if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be a number >= 0, got ${rate}`);
    this.stop();
    this.current = rate;
    if (rate === 0) return;
    this.budget = 0;
    this.last = performance.now();
    // ~one step per tick at low rates; at high rates ticks of 10 ms keep latency measurements honest
    const interval = Math.min(1000, Math.max(10, 1000 / rate));
    this.timer = setInterval(() => this.tick(), interval);
    this.timer.unref();
  }

  private tick(): void {
    const now = performance.now();
    // a stalled event loop catches up by at most one second of activity, not in one huge burst
    this.budget = Math.min(this.budget + (this.current * (now - this.last)) / 1000, this.current + 1);
    this.last = now;
    const steps = Math.floor(this.budget);
    this.budget -= steps;
    if (steps > 0) this.generator.run(steps);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
