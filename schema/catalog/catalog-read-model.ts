/**
 * The catalog (items, their legal bases, the unified benchmarks) held in memory, so that `items`, `item` and
 * `matchDiscretion` answer without a database round trip. The catalog changes rarely and every change
 * goes through the outbox (item.changed, benchmark.merged), which is what keeps the copy honest:
 * - on the replica that committed a change, `noteCommitted` drops the copy before the mutation answers,
 *   so the very next read there reloads;
 * - the other replicas hear of it on the bus (`catalog` channel, message: the change's outbox seq) and drop
 *   their copy when it is older;
 * - a wake-up the bus lost (Redis reconnecting) is caught by asking the outbox for the newest catalog seq
 *   once the copy is `recheckMs` old — in the background, the copy keeps answering meanwhile.
 * The copy is read in one repeatable-read transaction, together with the newest catalog seq it reflects.
 * Rows are shared by all requests: nothing may modify them.
 */
import type { Bus } from "../../gateway/bus/index.ts";
import type { Benchmark, EnforcementItem, LegalBasis, PrismaClient } from "../../gateway/db/generated/prisma/client.ts";

/** Outbox kinds that change what the copy holds (legal bases are announced as item.changed). */
export const CATALOG_CHANGE_KINDS: ReadonlySet<string> = new Set(["item.changed", "benchmark.merged"]);
/**
 * Root query fields whose answers change only with the copy (a new snapshot object), the arguments, the day and
 * the caller's issuer and scopes: the gateway keeps their results per snapshot (gateway/plugins/use-read-cache.ts).
 * The relations they may select besides the copy (an item's legal bases, announced as item.changed; its domain,
 * fixed reference data) change with it.
 */
export const CATALOG_READ_FIELDS: ReadonlySet<string> = new Set(["items", "item"]);
/** Where a replica that committed a catalog change wakes the others; the message is that change's seq. */
export const CATALOG_CHANNEL = "catalog";

export interface CatalogSnapshot {
  /** the newest catalog change in the outbox when the copy was read (0 when there is none) */
  seq: bigint;
  /** every item, by code (code-point order) */
  items: readonly EnforcementItem[];
  /** unified (gz) benchmark versions per item code, by version */
  gzBenchmarks: ReadonlyMap<string, readonly Benchmark[]>;
  /** legal bases per item code, by sortOrder then effectiveFrom */
  legalBases: ReadonlyMap<string, readonly LegalBasis[]>;
}

export interface CatalogReadModel {
  snapshot(): Promise<CatalogSnapshot>;
  /**
   * The copy held now, as `snapshot()` would answer it, or null when none is held (then `snapshot()` reads one): for
   * a reader that answers in the same turn when it can.
   */
  held(): CatalogSnapshot | null;
  /** after a commit on this replica: drops the copy when the changes touch the catalog, and wakes the others */
  noteCommitted(changes: ReadonlyArray<{ kind: string }>, seq: bigint | null): void;
  /** drops the copy: for data changed behind the gateway's back (a seed, a test) */
  invalidate(): void;
  close(): Promise<void>;
}

export interface CatalogReadModelOptions {
  /** age after which the copy is checked against the outbox @default 5000 ms */
  recheckMs?: number;
}

export function createCatalogReadModel(
  prisma: PrismaClient,
  bus: Bus,
  options: CatalogReadModelOptions = {},
): CatalogReadModel {
  const recheckMs = options.recheckMs ?? 5000;
  // a load or a recheck that began before an invalidation must not install what it read
  let generation = 0;
  let current: { snapshot: CatalogSnapshot; checkedAt: number } | null = null;
  let loading: Promise<CatalogSnapshot> | null = null;
  let rechecking = false;

  const invalidate = () => {
    generation += 1;
    current = null;
    loading = null;
  };

  function load(): Promise<CatalogSnapshot> {
    const started = generation;
    const promise = readCatalog(prisma).then(
      (snapshot) => {
        if (generation === started) current = { snapshot, checkedAt: Date.now() };
        if (loading === promise) loading = null;
        return snapshot;
      },
      (error: unknown) => {
        if (loading === promise) loading = null;
        throw error;
      },
    );
    loading = promise;
    return promise;
  }

  function recheck(entry: NonNullable<typeof current>) {
    if (rechecking) return;
    rechecking = true;
    const started = generation;
    newestCatalogSeq(prisma)
      .then((seq) => {
        if (generation !== started || current !== entry) return;
        if (seq > entry.snapshot.seq) invalidate();
        else entry.checkedAt = Date.now();
      })
      .catch(() => {}) // the database is down: the copy stays, reads that need the database will say so
      .finally(() => {
        rechecking = false;
      });
  }

  const unsubscribe = bus
    .subscribe(CATALOG_CHANNEL, (message) => {
      const seq = /^\d+$/.test(message) ? BigInt(message) : null;
      if (seq !== null && current && seq <= current.snapshot.seq) return;
      invalidate();
    })
    .catch(() => async () => {});

  const held = () => {
    if (!current) return null;
    if (Date.now() - current.checkedAt > recheckMs) recheck(current);
    return current.snapshot;
  };

  return {
    snapshot() {
      const copy = held();
      return copy ? Promise.resolve(copy) : (loading ?? load());
    },
    held,
    noteCommitted(changes, seq) {
      if (!changes.some((change) => CATALOG_CHANGE_KINDS.has(change.kind))) return;
      invalidate();
      if (seq !== null) void bus.publish(CATALOG_CHANNEL, String(seq)).catch(() => {});
    },
    invalidate,
    async close() {
      await (await unsubscribe)();
    },
  };
}

const catalogSeqQuery = (db: Pick<PrismaClient, "changeEvent">) =>
  db.changeEvent.aggregate({ _max: { seq: true }, where: { kind: { in: [...CATALOG_CHANGE_KINDS] } } });

/** The newest catalog change committed (0 when there is none): a snapshot with this seq is current. */
export async function newestCatalogSeq(db: Pick<PrismaClient, "changeEvent">): Promise<bigint> {
  return (await catalogSeqQuery(db))._max.seq ?? 0n;
}

/**
 * Whether a copy taken earlier is still current for `db` (a transaction: the newest catalog change it sees is
 * the copy's): one indexed aggregate instead of reading the catalog again.
 */
export async function isCurrent(snapshot: CatalogSnapshot, db: Pick<PrismaClient, "changeEvent">): Promise<boolean> {
  return snapshot.seq === (await newestCatalogSeq(db));
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupByItem<T extends { itemCode: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.itemCode);
    if (group) group.push(row);
    else groups.set(row.itemCode, [row]);
  }
  return groups;
}

async function readCatalog(prisma: PrismaClient): Promise<CatalogSnapshot> {
  const [newest, items, benchmarks, legalBases] = await prisma.$transaction(
    [
      catalogSeqQuery(prisma),
      prisma.enforcementItem.findMany(),
      prisma.benchmark.findMany({ where: { source: "gz" }, orderBy: [{ itemCode: "asc" }, { version: "asc" }] }),
      prisma.legalBasis.findMany({ orderBy: [{ itemCode: "asc" }, { sortOrder: "asc" }, { effectiveFrom: "asc" }] }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return {
    seq: newest._max.seq ?? 0n,
    items: items.sort((a, b) => byCodePoint(a.code, b.code)),
    gzBenchmarks: groupByItem(benchmarks),
    legalBases: groupByItem(legalBases),
  };
}
