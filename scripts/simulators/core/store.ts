/**
 * The simulated platform's store: current state in maps, every change of its own entities in an
 * append-only log (seq = index + 1), and what adapters pushed in (received records, dispatch tasks),
 * idempotent by (origin, originId, version). Snapshots in the log are frozen: faults that repeat or
 * reorder feed entries, and serializers, can never change what the store holds.
 */
import { newestVersion } from "../../../schema/sync/rules/newest-version.ts";
import type { Journal, JournalLine } from "./journal.ts";
import type {
  Change,
  Entity,
  InboundStatus,
  ReceivedRecord,
  ReceivedTask,
  RecordBody,
  RecordKind,
  SimEnterprise,
  SimOfficer,
  SimRecord,
} from "./model.ts";

export interface StoreOptions {
  /** the province's record id for the n-th record of a kind (n from 1) */
  recordId: (kind: RecordKind, n: number) => string;
  journal?: Journal | null;
  now?: () => number;
}

type EntityData = { record: SimRecord; officer: SimOfficer; enterprise: SimEnterprise };
const key = (a: string, b: string) => `${a}\u0000${b}`;

export class SimStore {
  private readonly log: Change[] = [];
  readonly records = new Map<string, SimRecord>();
  /** record ids in creation order, for O(1) random picks */
  readonly recordIds: string[] = [];
  readonly officers = new Map<string, SimOfficer>();
  readonly enterprises = new Map<string, SimEnterprise>();
  readonly received = new Map<string, ReceivedRecord>();
  readonly tasks = new Map<string, ReceivedTask>();
  /** every version of a received record stored since start, in storing order: proof none went backwards */
  private readonly receivedHistory = new Map<string, number[]>();
  private readonly taskRecords = new Map<string, string>();
  private readonly counters: Record<RecordKind, number> = { INSPECTION: 0, PENALTY: 0 };
  private readonly listeners: (() => void)[] = [];
  private lastTime = 0;
  /** +1 on every mutation; lets readers cache derived views */
  mutations = 0;

  constructor(private readonly options: StoreOptions) {}

  /** rebuilds the state from journal lines, without writing them again */
  replay(lines: JournalLine[]): void {
    for (const line of lines) {
      if (line.t === "change") this.applyChange(line.c);
      else if (line.t === "received") this.received.set(key(line.r.origin, line.r.originId), line.r);
      else this.tasks.set(line.task.taskId, line.task);
    }
  }

  /** a clock that never goes backwards, so updatedAt follows seq */
  now(): number {
    this.lastTime = Math.max(this.lastTime, (this.options.now ?? Date.now)());
    return this.lastTime;
  }

  get latestSeq(): number {
    return this.log.length;
  }

  /** up to `limit` changes with seq > afterSeq, in seq order */
  changesAfter(afterSeq: number, limit: number): readonly Change[] {
    return this.log.slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + limit);
  }

  allChanges(): readonly Change[] {
    return this.log;
  }

  /** `listener` runs after each change appended to the log (not after pushes from adapters) */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** groups mutations into one journal write */
  batch<T>(fn: () => T): T {
    return this.options.journal ? this.options.journal.batch(fn) : fn();
  }

  // ---- own entities ------------------------------------------------------------------------------

  createRecord(body: RecordBody): SimRecord {
    const n = this.counters[body.kind] + 1;
    return this.commit("record", { ...body, id: this.options.recordId(body.kind, n), version: 1, updatedAt: 0 });
  }

  updateRecord(id: string, patch: Partial<RecordBody>): SimRecord {
    const current = this.records.get(id);
    if (!current) throw new RangeError(`no record ${id}`);
    return this.commit("record", { ...current, ...patch, version: current.version + 1 });
  }

  /** the record answering one item of a dispatch task, if the officers already reported it */
  recordForTaskItem(taskId: string, itemCode: string): SimRecord | undefined {
    const id = this.taskRecords.get(key(taskId, itemCode));
    return id === undefined ? undefined : this.records.get(id);
  }

  putOfficer(officer: Omit<SimOfficer, "version" | "updatedAt">): SimOfficer {
    const version = (this.officers.get(officer.certNo)?.version ?? 0) + 1;
    return this.commit("officer", { ...officer, version, updatedAt: 0 });
  }

  putEnterprise(enterprise: Omit<SimEnterprise, "version" | "updatedAt">): SimEnterprise {
    const version = (this.enterprises.get(enterprise.uscc)?.version ?? 0) + 1;
    return this.commit("enterprise", { ...enterprise, version, updatedAt: 0 });
  }

  private commit<E extends Entity>(entity: E, data: EntityData[E]): EntityData[E] {
    const snapshot = { ...data };
    snapshot.updatedAt = this.now();
    Object.freeze(snapshot);
    if ("officerCertNos" in snapshot) Object.freeze(snapshot.officerCertNos);
    if ("domains" in snapshot) Object.freeze(snapshot.domains);
    const change = { seq: this.log.length + 1, entity, data: snapshot } as Change;
    this.applyChange(change);
    this.options.journal?.append({ t: "change", c: change });
    this.mutations += 1;
    for (const listener of this.listeners) listener();
    return snapshot;
  }

  private applyChange(change: Change): void {
    this.log.push(change);
    if (change.entity === "officer") this.officers.set(change.data.certNo, change.data);
    else if (change.entity === "enterprise") this.enterprises.set(change.data.uscc, change.data);
    else {
      const record = change.data;
      if (!this.records.has(record.id)) {
        this.recordIds.push(record.id);
        this.counters[record.kind] += 1;
      }
      this.records.set(record.id, record);
      if (record.taskId !== null) this.taskRecords.set(key(record.taskId, record.itemCode), record.id);
    }
    this.lastTime = Math.max(this.lastTime, change.data.updatedAt);
  }

  // ---- pushed in by adapters ---------------------------------------------------------------------

  putReceived(record: Omit<ReceivedRecord, "receivedAt">): InboundStatus {
    const k = key(record.origin, record.originId);
    const status = compareVersions(this.received.get(k), record.version);
    if (status !== "stored") return status;
    const stored: ReceivedRecord = Object.freeze({ ...record, receivedAt: this.now() });
    this.received.set(k, stored);
    const history = this.receivedHistory.get(k);
    if (history) history.push(record.version);
    else this.receivedHistory.set(k, [record.version]);
    this.options.journal?.append({ t: "received", r: stored });
    this.mutations += 1;
    return status;
  }

  /** the versions of one received record stored since this store started, oldest first */
  receivedVersions(origin: string, originId: string): readonly number[] {
    return this.receivedHistory.get(key(origin, originId)) ?? [];
  }

  putTask(task: Omit<ReceivedTask, "receivedAt">): InboundStatus {
    const status = compareVersions(this.tasks.get(task.taskId), task.version);
    if (status !== "stored") return status;
    const stored: ReceivedTask = Object.freeze({ ...task, receivedAt: this.now() });
    this.tasks.set(task.taskId, stored);
    this.options.journal?.append({ t: "task", task: stored });
    this.mutations += 1;
    return status;
  }
}

/** the gateway's one newest-version rule (a simulated platform compares no content: equal is a replay) */
function compareVersions(held: { version: number } | undefined, incoming: number): InboundStatus {
  const verdict = newestVersion({ stored: held?.version ?? null, incoming, sameContent: true });
  return verdict === "APPLY" ? "stored" : verdict === "UNCHANGED" ? "unchanged" : "stale";
}
