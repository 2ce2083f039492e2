/**
 * Webhook / callback hints: after changes (debounced), POST the dialect's notification to every
 * subscribed URL. Fire-and-forget — a hint lost is harmless, adapters read the feed anyway. While the
 * platform is down (faults) nothing is sent; the hint follows once it is up again.
 */
import { request } from "node:http";

export interface Notification {
  body: string;
  headers: Record<string, string>;
}

export class Notifier {
  private readonly urls = new Map<string, string>();
  private readonly inFlight = new Set<ReturnType<typeof request>>();
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly build: () => Notification,
    private readonly isDown: () => boolean,
    private readonly debounceMs = 50,
  ) {}

  /** one subscription per URL: subscribing again returns the same id */
  subscribe(url: string): { id: string; url: string } {
    for (const [id, known] of this.urls) if (known === url) return { id, url };
    const id = `sub-${this.nextId++}`;
    this.urls.set(id, url);
    return { id, url };
  }

  unsubscribe(id: string): boolean {
    return this.urls.delete(id);
  }

  list(): { id: string; url: string }[] {
    return [...this.urls].map(([id, url]) => ({ id, url }));
  }

  /** something changed */
  poke(delayMs = this.debounceMs): void {
    if (this.stopped || this.timer || this.urls.size === 0) return;
    this.timer = setTimeout(() => this.send(), delayMs);
    this.timer.unref();
  }

  private send(): void {
    this.timer = null;
    if (this.isDown()) {
      this.poke(500);
      return;
    }
    const { body, headers } = this.build();
    for (const url of this.urls.values()) {
      const req = request(url, { method: "POST", headers, timeout: 2000 });
      this.inFlight.add(req);
      req.on("error", () => {});
      req.on("timeout", () => req.destroy());
      req.on("close", () => this.inFlight.delete(req));
      req.on("response", (res) => res.resume());
      req.end(body);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const req of this.inFlight) req.destroy();
  }
}
