/** The one outcome vocabulary of a versioned write, records and libraries alike (the WriteOutcome enum). */

/** in meaning order: changed, replay, too old, not stored */
export const WRITE_OUTCOMES = ["APPLIED", "UNCHANGED", "STALE", "REFUSED"] as const;
export type WriteOutcome = (typeof WRITE_OUTCOMES)[number];

/** A stored outcome (LibraryChange.outcome) as the enum; an unknown word is a bug, not data. */
export function writeOutcomeOf(text: string): WriteOutcome {
  const outcome = WRITE_OUTCOMES.find((o) => o === text);
  if (!outcome) throw new Error(`unknown stored write outcome ${JSON.stringify(text)}`);
  return outcome;
}

/** How many writes of a batch ended in each outcome. */
export type OutcomeCounts = Record<WriteOutcome, number>;

export function countOutcomes(results: readonly { outcome: WriteOutcome }[]): OutcomeCounts {
  const counts: OutcomeCounts = { APPLIED: 0, UNCHANGED: 0, STALE: 0, REFUSED: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}
