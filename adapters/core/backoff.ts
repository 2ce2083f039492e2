/**
 * Retry timing for every adapter call: exponential backoff with full jitter (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"): delay = random(0, min(cap, base × 2^attempt)). Jitter keeps two
 * adapters that failed together from retrying together. Pure: the random source is passed in.
 */
export interface BackoffOptions {
  /** @default 200 */
  baseMs?: number;
  /** @default 30_000 */
  capMs?: number;
}

export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 200;
  const cap = options.capMs ?? 30_000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions extends BackoffOptions {
  /** attempts before giving up; @default Infinity (sync loops retry until stopped) */
  maxAttempts?: number;
  /** called before each wait, e.g. to record the error in syncStatus */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** errors for which retrying cannot help (e.g. 400 from the gateway) */
  isPermanent?: (error: unknown) => boolean;
  signal?: AbortSignal;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (options.signal?.aborted || options.isPermanent?.(error) || attempt + 1 >= maxAttempts) throw error;
      const delay = backoffDelay(attempt, random, options);
      options.onRetry?.(error, attempt + 1, delay);
      await sleep(delay, options.signal);
    }
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
