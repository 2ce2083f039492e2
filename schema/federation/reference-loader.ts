/**
 * One load per entity type per `_entities` call. The subgraph's `_entities` field (@apollo/subgraph)
 * calls an entity's `resolveReference` once per representation, all in the same tick; this gathers
 * those calls per request (per context) and answers them from one `findMany`, as DataLoader would.
 */
import type { GatewayContext } from "../../gateway/context.ts";

interface Waiting<Row> {
  resolve: (row: Row | null) => void;
  reject: (error: unknown) => void;
  promise: Promise<Row | null>;
}

function waiting<Row>(): Waiting<Row> {
  let resolve!: Waiting<Row>["resolve"];
  let reject!: Waiting<Row>["reject"];
  const promise = new Promise<Row | null>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { resolve, reject, promise };
}

/** `load(ctx, key)`: the row with that key, or null; keys asked in one tick are loaded by one `loadMany`. */
export function referenceLoader<Row>(
  loadMany: (ctx: GatewayContext, keys: readonly string[]) => Promise<Row[]>,
  keyOfRow: (row: Row) => string,
): (ctx: GatewayContext, key: string) => Promise<Row | null> {
  const open = new WeakMap<GatewayContext, Map<string, Waiting<Row>>>();

  async function flush(ctx: GatewayContext, batch: Map<string, Waiting<Row>>): Promise<void> {
    try {
      const rows = new Map((await loadMany(ctx, [...batch.keys()])).map((row) => [keyOfRow(row), row]));
      for (const [key, one] of batch) one.resolve(rows.get(key) ?? null);
    } catch (error) {
      for (const one of batch.values()) one.reject(error);
    }
  }

  return (ctx, key) => {
    let batch = open.get(ctx);
    if (!batch) {
      const fresh = new Map<string, Waiting<Row>>();
      open.set(ctx, fresh);
      queueMicrotask(() => {
        open.delete(ctx);
        void flush(ctx, fresh);
      });
      batch = fresh;
    }
    let one = batch.get(key);
    if (!one) {
      one = waiting<Row>();
      batch.set(key, one);
    }
    return one.promise;
  };
}
