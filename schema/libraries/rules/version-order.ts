import type { FieldChanges } from "./field-changes.ts";

/**
 * Which write wins: versions, never arrival order. Each origin numbers its own writes of a record
 * (`version`, growing). Against the version stored for that origin:
 *   - older (<)            → SUPERSEDED: nothing changes, the write is kept in history;
 *   - equal, same content  → UNCHANGED: a replay, nothing changes (reported ok: idempotent);
 *   - equal, other content → SUPERSEDED: the origin reused a number; the first stored stays;
 *   - newer (>)            → APPLIED.
 * 管委会 (gz) corrections do not number their own writes: a correction names the version it corrects,
 * which must be the stored one (older → SUPERSEDED, as the origin has moved on; newer → rejected,
 * gz cannot speak for an origin's future). It changes the content, not the origin's counter, so the
 * origin's next version still wins.
 */
export type VersionVerdict = "APPLY" | "UNCHANGED" | "SUPERSEDED" | "VERSION_AHEAD";

export function versionVerdict(args: {
  incoming: number;
  stored: number;
  sameContent: boolean;
  correction: boolean;
}): VersionVerdict {
  const { incoming, stored, sameContent, correction } = args;
  if (incoming < stored) return "SUPERSEDED";
  if (incoming > stored) return correction ? "VERSION_AHEAD" : "APPLY";
  if (sameContent) return "UNCHANGED";
  return correction ? "APPLY" : "SUPERSEDED";
}

export type Settled<S> =
  | { outcome: "APPLIED"; state: S; changes: FieldChanges }
  | { outcome: "UNCHANGED" | "SUPERSEDED"; state: S }
  | { outcome: "REJECTED"; code: "VERSION_AHEAD"; message: string };

/** The outcome of a verdict: the candidate state when applied, the stored one otherwise. */
export function settle<S>(
  verdict: VersionVerdict,
  stored: S,
  candidate: S,
  changes: (before: S, after: S) => FieldChanges,
  aheadMessage: string,
): Settled<S> {
  switch (verdict) {
    case "APPLY":
      return { outcome: "APPLIED", state: candidate, changes: changes(stored, candidate) };
    case "VERSION_AHEAD":
      return { outcome: "REJECTED", code: "VERSION_AHEAD", message: aheadMessage };
    case "UNCHANGED":
      return { outcome: "UNCHANGED", state: stored };
    default:
      return { outcome: "SUPERSEDED", state: stored };
  }
}
