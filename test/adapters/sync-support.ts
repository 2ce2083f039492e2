/**
 * What the adapter end-to-end tests check: the three stores (origin platform, gateway, receiving
 * platform) hold the same records at the same versions; no version ever went backwards (watched while
 * waiting, and from the gateway's outbox and the platforms' write history afterwards); `syncStatus`
 * shows both adapters caught up.
 */
import { expect } from "vitest";
import type { CqRecord, CqSharedRecord } from "../../adapters/chongqing/types.ts";
import type { Province } from "../../adapters/core/canonical.ts";
import type { ScRecord, ScSharedRecord } from "../../adapters/sichuan/types.ts";
import { PROVINCES, type SyncWorld, sleep } from "./sync-world.ts";

export interface PlatformStore<Own, Received> {
  records: Own[];
  received: Received[];
}

export async function storeOf<Own, Received>(url: string): Promise<PlatformStore<Own, Received>> {
  const response = await fetch(`${url}/_sim/store`);
  return (await response.json()) as PlatformStore<Own, Received>;
}

/** id → version, failing the test on a duplicated id */
function versions(pairs: Array<[string, number]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [id, version] of pairs) {
    expect(map.has(id), `${id} held twice`).toBe(false);
    map.set(id, version);
  }
  return map;
}

export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** one direction's three stores: origin platform, gateway, receiving platform */
export async function snapshot(world: SyncWorld, origin: Province) {
  const cq = await storeOf<CqRecord, CqSharedRecord>(world.sims.cq.url);
  const sc = await storeOf<ScRecord, ScSharedRecord>(world.sims.sc.url);
  const rows = await world.live.prisma.enforcementRecord.findMany({
    where: { originJurisdiction: origin },
    select: { originId: true, version: true },
  });
  const source =
    origin === "cq"
      ? versions(cq.records.map((r) => [r.recordId, r.version]))
      : versions(sc.records.map((r) => [r.record_no, r.rev]));
  const target =
    origin === "cq"
      ? versions(sc.received.filter((r) => r.origin === "cq").map((r) => [r.origin_id, r.rev]))
      : versions(cq.received.filter((r) => r.origin === "sc").map((r) => [r.originId, r.version]));
  return { source, gateway: versions(rows.map((r) => [r.originId, r.version])), target };
}

const same = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([id, v]) => b.get(id) === v);

/** fails when a store shows a record at a lower version than an earlier look at the same store did */
class VersionWatch {
  private readonly seen = new Map<string, number>();
  look(store: string, held: Map<string, number>): void {
    for (const [id, version] of held) {
      const before = this.seen.get(`${store} ${id}`) ?? 0;
      expect(version, `${store}: ${id} went back from version ${before}`).toBeGreaterThanOrEqual(before);
      this.seen.set(`${store} ${id}`, version);
    }
  }
}

/** polls until the three stores hold the same ids at the same versions, watching versions; bounded */
export async function waitForReconciled(world: SyncWorld, origin: Province, timeoutMs = 60_000): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  const watch = new VersionWatch();
  for (;;) {
    const s = await snapshot(world, origin);
    watch.look("gateway", s.gateway);
    watch.look("target", s.target);
    if (s.source.size > 0 && same(s.source, s.gateway) && same(s.source, s.target)) return s;
    if (Date.now() > deadline) {
      throw new Error(
        `not reconciled in ${timeoutMs} ms: source ${s.source.size}, gateway ${s.gateway.size}, target ${s.target.size}`,
      );
    }
    await sleep(250);
  }
}

/**
 * Per record, the versions the gateway published (`record.upserted`, in seq order) and the versions
 * each receiving platform stored (in storing order) only ever rose.
 */
export async function expectVersionsNeverWentBack(world: SyncWorld): Promise<void> {
  const events = await world.live.prisma.changeEvent.findMany({
    where: { kind: "record.upserted" },
    orderBy: { seq: "asc" },
    select: { entityId: true, payload: true },
  });
  const published = new Map<string, number[]>();
  for (const e of events) {
    const version = (e.payload as { version: number }).version;
    published.set(e.entityId, [...(published.get(e.entityId) ?? []), version]);
  }
  expect(published.size).toBeGreaterThan(0);
  for (const [id, list] of published) expectRising(list, `gateway record ${id}`);

  const rows = await world.live.prisma.enforcementRecord.findMany({
    select: { originJurisdiction: true, originId: true, version: true },
  });
  for (const row of rows) {
    const receiver = world.sims[row.originJurisdiction === "cq" ? "sc" : "cq"];
    const stored = receiver.store.receivedVersions(row.originJurisdiction, row.originId);
    expectRising(stored, `${receiver.province} received ${row.originId}`);
    expect(stored.at(-1), `${row.originId} on ${receiver.province}`).toBe(row.version);
  }
}

/** a platform's own officers and enterprises, and the gateway's libraries of that origin: key → version */
export async function librarySnapshot(world: SyncWorld, origin: Province) {
  const store = world.sims[origin].store;
  const officers = await world.live.prisma.officer.findMany({
    where: { homeJurisdiction: origin },
    select: { certificateNumber: true, version: true },
  });
  const enterprises = await world.live.prisma.enterprise.findMany({
    where: { registeringJurisdiction: origin },
    select: { uscc: true, version: true },
  });
  return {
    platform: {
      officers: new Map([...store.officers.values()].map((o) => [o.certNo, o.version])),
      enterprises: new Map([...store.enterprises.values()].map((e) => [e.uscc, e.version])),
    },
    gateway: {
      officers: new Map(officers.map((o) => [o.certificateNumber, o.version])),
      enterprises: new Map(enterprises.map((e) => [e.uscc, e.version])),
    },
  };
}

/** polls until the gateway's libraries hold the platform's officers and enterprises at their versions; bounded */
export async function waitForLibrariesReconciled(world: SyncWorld, origin: Province, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await librarySnapshot(world, origin);
    const officersSame = same(s.platform.officers, s.gateway.officers);
    const enterprisesSame = same(s.platform.enterprises, s.gateway.enterprises);
    if (officersSame && enterprisesSame) return s;
    if (Date.now() > deadline) {
      expect(Object.fromEntries(s.gateway.officers), `${origin} officers`).toEqual(
        Object.fromEntries(s.platform.officers),
      );
      expect(Object.fromEntries(s.gateway.enterprises), `${origin} enterprises`).toEqual(
        Object.fromEntries(s.platform.enterprises),
      );
      throw new Error(`${origin} libraries not reconciled in ${timeoutMs} ms`);
    }
    await sleep(250);
  }
}

/** per officer and enterprise, the versions the gateway applied (its history, in time order) only rose */
export async function expectLibraryVersionsNeverWentBack(world: SyncWorld): Promise<void> {
  const applied = await world.live.prisma.libraryChange.findMany({
    where: { outcome: "APPLIED" },
    orderBy: { at: "asc" },
    select: { entityType: true, entityKey: true, version: true },
  });
  const byKey = new Map<string, number[]>();
  for (const a of applied) {
    const key = `${a.entityType} ${a.entityKey}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a.version]);
  }
  for (const [key, list] of byKey) expectRising(list, key);
}

function expectRising(list: readonly number[], what: string): void {
  for (let i = 1; i < list.length; i++) {
    expect(list[i]!, `${what}: versions ${list.join(" → ")}`).toBeGreaterThan(list[i - 1]!);
  }
}

interface AdapterStatus {
  jurisdiction: string;
  adapter: string;
  lagRecords: number;
  lagSeconds: number;
  quarantined: number;
  lastError: string | null;
  state: string;
}

export async function syncStatus(world: SyncWorld): Promise<AdapterStatus[]> {
  const answer = await world.gz<{ syncStatus: AdapterStatus[] }>(
    `{ syncStatus { jurisdiction adapter lagRecords lagSeconds quarantined lastError state } }`,
  );
  if (!answer.data) throw new Error(`syncStatus failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.syncStatus;
}

/**
 * Polls `syncStatus` until both adapters show no lag and no standing error (bounded), then checks
 * their quarantine sizes.
 */
export async function expectCaughtUp(
  world: SyncWorld,
  quarantined: Record<Province, number> = { cq: 0, sc: 0 },
  timeoutMs = 20_000,
): Promise<AdapterStatus[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = (await syncStatus(world)).filter((s) => s.adapter === "platform");
    const settled =
      statuses.length === PROVINCES.length &&
      statuses.every((s) => s.lagRecords === 0 && s.lastError === null && s.state === "CAUGHT_UP");
    if (settled || Date.now() > deadline) {
      expect(statuses.map((s) => [s.jurisdiction, s.lagRecords, s.lagSeconds, s.lastError, s.state]).sort()).toEqual([
        ["CQ", 0, 0, null, "CAUGHT_UP"],
        ["SC", 0, 0, null, "CAUGHT_UP"],
      ]);
      for (const s of statuses)
        expect(s.quarantined, `${s.jurisdiction} quarantined`).toBe(
          quarantined[s.jurisdiction.toLowerCase() as Province],
        );
      return statuses;
    }
    await sleep(250);
  }
}
