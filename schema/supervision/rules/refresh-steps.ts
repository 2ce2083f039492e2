/**
 * How many marks one refresh transaction takes (visit-marks.ts); pure. Marks are taken oldest first and whole, the
 * first always; then as long as the DISTINCT enterprises and records of the marks taken stay within the bounds
 * (one advisory lock per enterprise, held to the commit, and every record of each read again). A feed's batches
 * name the same enterprises again and again: counted distinct, a backlog of them is one transaction recomputing
 * each history once, where counted per mark it was several recomputing the same histories (bench/README.md,
 * "ingest").
 */

export interface MarkedSet {
  usccs: readonly string[] | null;
  recordIds: readonly string[] | null;
}

export function marksInStep(marks: readonly MarkedSet[], bounds: { enterprises: number; records: number }): number {
  const usccs = new Set<string>();
  const recordIds = new Set<string>();
  let taken = 0;
  for (const mark of marks) {
    const newUsccs = unseen(usccs, mark.usccs);
    const newRecords = unseen(recordIds, mark.recordIds);
    const within =
      usccs.size + newUsccs.size <= bounds.enterprises && recordIds.size + newRecords.size <= bounds.records;
    if (taken > 0 && !within) break;
    for (const uscc of newUsccs) usccs.add(uscc);
    for (const id of newRecords) recordIds.add(id);
    taken += 1;
  }
  return taken;
}

/** the distinct items of a mark not already taken */
const unseen = (taken: ReadonlySet<string>, items: readonly string[] | null) =>
  new Set((items ?? []).filter((item) => !taken.has(item)));
