/** One page of the change feed, as both dialects serve it: faults shape the page, never the log. */
import type { Change } from "./model.ts";
import type { SimContext } from "./simulator.ts";

export interface FeedPage {
  entries: Change[];
  /** the checkpoint after this page */
  next: number;
  hasMore: boolean;
  /** changes after the requested checkpoint, this page included */
  remaining: number;
}

export function readFeed({ store, faults }: SimContext, afterSeq: number, limit: number): FeedPage {
  const { entries, next } = faults.shapePage(store.changesAfter(afterSeq, limit), afterSeq);
  return { entries, next, hasMore: next < store.latestSeq, remaining: Math.max(0, store.latestSeq - afterSeq) };
}
