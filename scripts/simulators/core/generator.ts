/**
 * Realistic activity, deterministic given the seed: penalty decisions and inspections about the
 * province's own enterprises by its own officers, later steps of those records (new versions), and
 * now and then an officer's phone or an enterprise's credit grade changing.
 *
 * Inspections are the minority of a platform's records (a quarter of the new ones) and go only to its
 * 重点监管对象 — one enterprise in five, those with complaints or earlier violations: routine
 * inspections are what the committee's 双随机 draw decides, so most enterprises have no recent
 * inspection of the platform's own and a plan made right after a start still draws them. Visits spread
 * over the last half year, penalised acts over the last year and a half, each decided 3–90 days after the
 * act (so fines of this year and last year can be compared).
 */
import type { CreditGrade, RecordBody, SimOfficer, SimRecord } from "./model.ts";
import { mixSeed, Prng } from "./prng.ts";
import type { ProvinceItem } from "./seed.ts";
import type { SimStore } from "./store.ts";
import { inspectionConcluded, newSupervision, penaltyDecided, RANDOM_SHARE } from "./supervision-facts.ts";
import { answerTaskItems, nextItemToAnswer } from "./task-answers.ts";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** share of new records that are inspections; the rest are penalty decisions */
const INSPECTION_SHARE = 0.25;
/** one enterprise in this many is on the platform's watch list (重点监管) */
const WATCH_LIST_EVERY = 5;
/** how far back a visit lies when its record is created */
const RECORDED_WITHIN_DAYS = 180;
/** how far back a penalised act lies: cases run for weeks, so a platform's decisions span more than a year */
const ACT_WITHIN_DAYS = 540;
/** days from the act to the decision (办案时长; 行政处罚法 第60条 allows 90 from 立案) */
const DECIDED_AFTER_DAYS: [number, number] = [3, 90];
const GRADES: CreditGrade[] = ["A", "B", "C", "D"];
const FINDINGS = [
  "安全生产教育培训记录不全",
  "危险化学品储存场所警示标志缺失",
  "扬尘污染防治措施未落实",
  "应急预案未按规定演练",
  "特种作业人员未持证上岗",
  "排污口标识不规范",
  "消防通道被占用",
];

export class ActivityGenerator {
  private readonly rng: Prng;
  private readonly itemsByCode: Map<string, ProvinceItem>;
  private readonly penaltyItems: readonly ProvinceItem[];
  /** 重点监管对象: every WATCH_LIST_EVERY-th enterprise of the platform's register, in register order */
  private readonly watchList: readonly string[];
  private registerCache: readonly string[] = [];

  constructor(
    private readonly store: SimStore,
    private readonly items: readonly ProvinceItem[],
    seed: number,
  ) {
    // a restarted simulator continues on its own stream rather than repeating the first run's
    this.rng = new Prng(mixSeed(seed, store.latestSeq));
    this.itemsByCode = new Map(items.map((i) => [i.code, i]));
    const penaltyItems = items.filter((i) => i.kind === "PENALTY");
    this.penaltyItems = penaltyItems.length > 0 ? penaltyItems : items;
    this.watchList = [...store.enterprises.keys()].filter((_, i) => i % WATCH_LIST_EVERY === 0);
  }

  /** the platform's enterprises (USCCs), read again only when the register grows */
  private register(): readonly string[] {
    if (this.registerCache.length !== this.store.enterprises.size)
      this.registerCache = [...this.store.enterprises.keys()];
    return this.registerCache;
  }

  /** one unit of activity; mostly records, and first any joint-task item that falls to our officers */
  step(): void {
    if (this.answerTaskItem()) return;
    const roll = this.rng.next();
    if (this.store.recordIds.length === 0 || roll < 0.55) this.createRecord();
    else if (roll < 0.9) this.advanceRecord(this.store.recordIds[this.rng.int(0, this.store.recordIds.length - 1)]!);
    else if (roll < 0.95) this.changeOfficer();
    else this.changeEnterprise();
  }

  /** `count` new records in one journal write */
  generate(count: number): void {
    this.store.batch(() => {
      for (let i = 0; i < count; i++) this.createRecord();
    });
  }

  run(steps: number): void {
    this.store.batch(() => {
      for (let i = 0; i < steps; i++) this.step();
    });
  }

  createRecord(): SimRecord {
    const kind = this.rng.chance(INSPECTION_SHARE) ? "INSPECTION" : "PENALTY";
    const item = this.rng.pick(kind === "INSPECTION" ? this.items : this.penaltyItems);
    const now = this.store.now();
    // some of the platform's own inspections are 双随机 draws among its 重点监管 list (特定检查对象名录);
    // the register at large is the committee's draws' to sample
    const random = kind === "INSPECTION" && this.rng.chance(RANDOM_SHARE);
    const enterprise = this.rng.pick(
      kind === "INSPECTION" && this.watchList.length > 0 ? this.watchList : this.register(),
    );
    const body: RecordBody = {
      kind,
      itemCode: item.code,
      enterpriseUscc: enterprise,
      officerCertNos: this.officersFor(item.domainCode),
      occurredAt: now - this.rng.int(0, (kind === "INSPECTION" ? RECORDED_WITHIN_DAYS : ACT_WITHIN_DAYS) * DAY),
      decidedAt: null,
      fineFen: null,
      result: "PENDING",
      findings: null,
      taskId: null,
      supervision: newSupervision(this.rng, kind, item.domainCode, random),
    };
    if (this.rng.chance(0.5)) Object.assign(body, this.nextStep(body, item, now));
    return this.store.createRecord(body);
  }

  /** the next step of a record: an inspection concluded, a penalty decided, or a later correction */
  private advanceRecord(id: string): void {
    const record = this.store.records.get(id)!;
    const item = this.itemsByCode.get(record.itemCode);
    this.store.updateRecord(id, this.nextStep(record, item, this.store.now()));
  }

  private nextStep(record: RecordBody, item: ProvinceItem | undefined, now: number): Partial<RecordBody> {
    if (record.result === "PENDING" && record.kind === "PENALTY") {
      const findings = this.rng.pick(FINDINGS);
      const decided = record.supervision ? penaltyDecided(this.rng, record.supervision) : null;
      const fineFen = decided && !decided.fined ? null : this.fine(item);
      const decidedAt = Math.min(now, record.occurredAt + this.rng.int(...DECIDED_AFTER_DAYS) * DAY);
      return { result: "DECIDED", decidedAt, fineFen, findings, ...(decided && { supervision: decided.facts }) };
    }
    if (record.result === "PENDING") {
      const supervision = record.supervision && inspectionConcluded(this.rng, record.supervision, now);
      const outcome: Partial<RecordBody> = this.rng.chance(0.7)
        ? { result: "COMPLIANT", findings: "未发现违法行为" }
        : { result: "NON_COMPLIANT", findings: this.rng.pick(FINDINGS) };
      return { ...outcome, ...(supervision && { supervision }) };
    }
    const note = record.kind === "PENALTY" ? "决定书文字更正" : "复查：已整改";
    return { findings: `${record.findings ?? ""}；${note}` };
  }

  /** an officer answers one item of a joint task it holds (./task-answers.ts); false when none waits */
  private answerTaskItem(): boolean {
    const next = nextItemToAnswer(this.store);
    if (!next) return false;
    const compliant = this.rng.chance(0.7);
    answerTaskItems(
      this.store,
      next.task,
      [
        {
          itemCode: next.itemCode,
          result: compliant ? "COMPLIANT" : "NON_COMPLIANT",
          findings: compliant ? "未发现违法行为" : this.rng.pick(FINDINGS),
        },
      ],
      [next.officer],
    );
    return true;
  }

  /** a plausible fine: whole hundreds of yuan, sometimes with fen (e.g. 12000.50), within a tier's range */
  private fine(item: ProvinceItem | undefined): number {
    const [min, max] = item ? this.rng.pick(item.fineRanges) : [100_000, 5_000_000];
    const hundredYuan = 10_000;
    let fen = Math.round(this.rng.int(min, max) / hundredYuan) * hundredYuan;
    if (this.rng.chance(0.2)) fen += 50;
    return Math.min(Math.max(fen, min), max);
  }

  private changeOfficer(): void {
    const officer = this.rng.pick([...this.store.officers.values()]);
    const { version: _v, updatedAt: _u, ...rest } = officer;
    this.store.putOfficer({ ...rest, phone: `139${String(this.rng.int(0, 99_999_999)).padStart(8, "0")}` });
  }

  private changeEnterprise(): void {
    const enterprise = this.rng.pick([...this.store.enterprises.values()]);
    const { version: _v, updatedAt: _u, ...rest } = enterprise;
    const creditGrade = this.rng.pick(GRADES.filter((g) => g !== enterprise.creditGrade));
    this.store.putEnterprise({ ...rest, creditGrade });
  }

  /** two officers (行政处罚法 第42条: at least two), qualified in the domain when enough are */
  private officersFor(domainCode: string): string[] {
    const today = new Date(this.store.now() + 8 * HOUR).toISOString().slice(0, 10);
    const active = [...this.store.officers.values()].filter((o) => o.status === "ACTIVE" && o.validTo >= today);
    const qualified = active.filter((o: SimOfficer) => o.domains.includes(domainCode));
    const pool = qualified.length >= 2 ? qualified : active;
    return this.rng.sample(pool, 2).map((o) => o.certNo);
  }
}
