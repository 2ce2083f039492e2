/**
 * Newest version wins (docs/sync.md "idempotency"): a record is identified by (origin, originId) and
 * every change on its platform raises its version. Replays and late deliveries change nothing.
 */
export type VersionOutcome =
  /** nothing stored yet: insert */
  | "NEW"
  /** a newer version than the one stored: replace */
  | "NEWER"
  /** the version stored: nothing to do (a replay) */
  | "SAME"
  /** older than the one stored (a late or reordered delivery): ignored */
  | "OLDER";

export function compareVersion(stored: number | null, incoming: number): VersionOutcome {
  if (stored === null) return "NEW";
  if (incoming > stored) return "NEWER";
  return incoming === stored ? "SAME" : "OLDER";
}

/** True when a quarantined version is made obsolete by an applied one (unknown versions stay). */
export function supersedes(applied: number, quarantined: number | null): boolean {
  return quarantined !== null && quarantined <= applied;
}
