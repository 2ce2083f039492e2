/**
 * How many audit entries each HTTP request has left against how many operations it carried: the audit backstop
 * (gateway/plugins/use-audit-backstop.ts) writes one for each operation still without one when the response goes
 * out. Every place that appends an entry for a request yoga handles notes it here (useAudit, the token refusal of
 * the context factory); an entry written in a mutation's transaction is noted by useAudit when it sees the result.
 */

interface Tally {
  operations: number;
  entries: number;
}

const tallies = new WeakMap<Request, Tally>();

function tallyOf(request: Request): Tally {
  let tally = tallies.get(request);
  if (!tally) {
    // a request refused before its body was parsed carried one access attempt
    tally = { operations: 1, entries: 0 };
    tallies.set(request, tally);
  }
  return tally;
}

/** the request's body was parsed: it carries this many operations (a batch: one each) */
export function noteOperations(request: Request, operations: number): void {
  tallyOf(request).operations = operations;
}

/** an entry was appended (or is being appended) for one of the request's operations */
export function noteAudited(request: Request | undefined): void {
  if (request) tallyOf(request).entries += 1;
}

/** operations of the request without an entry (a request never noted: its one access attempt) */
export function unauditedOperations(request: Request): number {
  const tally = tallies.get(request);
  return tally ? Math.max(tally.operations - tally.entries, 0) : 1;
}
