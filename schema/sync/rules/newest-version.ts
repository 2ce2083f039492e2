/**
 * 最新版本为准 — newest version wins, the one rule for every write that carries a version (records,
 * officers, enterprises; docs/sync.md "idempotency"). Each origin numbers its own writes of a record,
 * growing; arrival order never counts. Against the version stored:
 *   - nothing stored, or newer (>)      → APPLY;
 *   - equal, same content               → UNCHANGED: a replay, nothing changes (idempotent);
 *   - equal, other content              → STALE: the origin reused a number, the first stored stays
 *                                          (reported with the note VERSION_CONFLICT);
 *   - older (<)                         → STALE: a late or reordered delivery, nothing changes.
 * 管委会 (gz) corrections do not number their own writes: a correction names the version it corrects,
 * which must be the stored one (equal → APPLY even with other content; older → STALE, the origin has
 * moved on; newer → VERSION_AHEAD, gz cannot speak for an origin's future).
 */
export type VersionVerdict = "APPLY" | "UNCHANGED" | "STALE" | "VERSION_AHEAD";

export interface VersionedWrite {
  /** the version stored for this origin; null when nothing is stored */
  stored: number | null;
  incoming: number;
  /** the incoming write says what is stored (only read when the versions are equal) */
  sameContent: boolean;
  /** a 管委会 correction of the stored version */
  correction?: boolean;
}

export function newestVersion({ stored, incoming, sameContent, correction = false }: VersionedWrite): VersionVerdict {
  if (stored === null) return "APPLY";
  if (incoming > stored) return correction ? "VERSION_AHEAD" : "APPLY";
  if (incoming < stored) return "STALE";
  if (sameContent) return "UNCHANGED";
  return correction ? "APPLY" : "STALE";
}

/** A held version (a quarantined refusal) is obsolete once this one is applied: it would not win. */
export function obsoletedBy(applied: number, held: number | null): boolean {
  return held !== null && newestVersion({ stored: applied, incoming: held, sameContent: false }) !== "APPLY";
}
