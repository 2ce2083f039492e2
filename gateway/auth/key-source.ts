/** What the trust registry needs from one issuer's JWKS, wherever it comes from. */
import type { JWTVerifyGetKey } from "jose";

export interface WarnLogger {
  warn(message: string): void;
}

export interface KeySourceStatus {
  /** the file path or URL */
  source: string;
  kind: "file" | "url";
  kids: string[];
  /** last time the keys were read successfully (ms since the epoch), null before the first success */
  lastRefreshAt: number | null;
  stale: boolean;
}

export interface KeySource {
  /** jose key resolver over the current keys */
  readonly resolve: JWTVerifyGetKey;
  /** changes whenever the set of keys changes, so caches of verified tokens can drop what a removed key signed */
  version(): number;
  /** periodic work: notice file changes, refresh remote keys, warn when stale */
  check(): Promise<void>;
  status(): KeySourceStatus;
}

/** A warning said once per distinct message until `clear()` — a broken file is reported, not every 2 s. */
export function onceLogger(logger: WarnLogger) {
  let last: string | null = null;
  return {
    warn(message: string) {
      if (message !== last) logger.warn(message);
      last = message;
    },
    clear() {
      last = null;
    },
  };
}

export function kidsOf(keys: readonly { kid?: string }[]): string[] {
  return keys.map((key) => key.kid ?? "(no kid)");
}
