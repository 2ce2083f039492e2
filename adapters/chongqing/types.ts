/**
 * The Chongqing platform's raw shapes (执法+监督 app, as simulated by scripts/simulators/chongqing).
 * Vendor shapes never pass the mapper: parse with these schemas at the edge, map, then forget them.
 *
 * Dialect: camelCase JSON; Chongqing's own item codes (`cqCode` of the catalog, e.g. "CQ-YJ-330200-097-03");
 * every time is epoch milliseconds; money is integer fen; ids look like `CQ-INS-000123` / `CQ-PEN-000045`.
 *
 * Reading: `GET /api/v1/changes?cursor=<opaque>&limit=<n>` (limit 1..1000, default 100). Without a
 * cursor the feed starts at the beginning (the platform's seed officers and enterprises come first).
 * Keep `nextCursor` only after the page is safely stored; it is stable across platform restarts.
 * Delivery is at-least-once and, under faults, out of order within a page: an adapter keeps the
 * highest `version` per id (records, officers, enterprises each carry one) and drops the rest.
 * The platform's webhooks only say "something new", so the adapter does not subscribe: it reads the feed.
 *
 * Writing (what the adapter pushes INTO Chongqing): the other province's records
 * (`POST /api/v1/shared-records {records}`) and the committee's dispatch tasks
 * (`POST /api/v1/dispatch-tasks {tasks}`), each idempotent by (origin, originId, version): a repeat or
 * an older version changes nothing. Both answer 200 with one result per element.
 */
import { z } from "zod";

const ms = z.number().int().nonnegative();
const fen = z.number().int().nonnegative();
const certNos = z.array(z.string().min(1));

/** Inspections: PENDING → COMPLIANT | NON_COMPLIANT. Penalties: PENDING → DECIDED (then decidedAt and fine are set). */
export const CQ_RESULTS = ["PENDING", "COMPLIANT", "NON_COMPLIANT", "DECIDED"] as const;

/** What a record says, whoever holds it. */
const cqRecordBody = z.object({
  recordType: z.enum(["INSPECTION", "PENALTY"]),
  /** Chongqing's own item code (catalog `cqCode`) */
  itemCode: z.string().min(1),
  /** USCC (统一社会信用代码) of the enterprise */
  enterpriseCreditCode: z.string().length(18),
  officerCertNos: certNos,
  occurredAt: ms,
  decidedAt: ms.nullable(),
  /** only for decided penalties */
  fineAmountFen: fen.nullable(),
  result: z.enum(CQ_RESULTS),
  findings: z.string().nullable(),
  /** the dispatch task this inspection answers (see cqDispatchTask), else null */
  taskId: z.string().nullable(),
  updatedAt: ms,
});

/** 检查方式: 双随机 / 重点监管 / 投诉举报 / 其他 */
export const CQ_CHECK_MODES = ["DOUBLE_RANDOM", "KEY", "COMPLAINT", "OTHER"] as const;
/** 免罚轻罚, by pinyin initials: 首违不罚 SWBF, 不予处罚 BYCF, 从轻 CQ, 减轻 JQ */
export const CQ_LENIENT_TYPES = ["SWBF", "BYCF", "CQ", "JQ"] as const;

/**
 * What the 执法+监督 platform records for supervision about its own records (absent from older
 * versions of the platform, so every field is optional).
 */
const cqSupervision = z.object({
  /** 执法部门 */
  deptName: z.string().nullable().optional(),
  /** inspections: how the enterprise was chosen */
  checkMode: z.enum(CQ_CHECK_MODES).nullable().optional(),
  /** inspections: 现场检查 */
  onSite: z.boolean().nullable().optional(),
  /** 结果公示时间 */
  publicityAt: ms.nullable().optional(),
  /** 扫码入企: the enterprise scanned the officers' code in the app */
  scanned: z.boolean().nullable().optional(),
  /** decided penalties: the lenient rule applied */
  lenientType: z.enum(CQ_LENIENT_TYPES).nullable().optional(),
});

/** An enforcement record (检查 or 处罚决定) as Chongqing holds it. */
export const cqRecord = cqRecordBody.extend({
  recordId: z.string().regex(/^CQ-(INS|PEN)-\d{6,}$/),
  /** starts at 1, +1 on every change */
  version: z.number().int().positive(),
  deleted: z.boolean(),
  ...cqSupervision.shape,
});
export type CqRecord = z.infer<typeof cqRecord>;

/** An officer (执法人员). Dates of the certificate are instants: start and end of the day in Beijing time. */
export const cqOfficer = z.object({
  certNo: z.string().min(1),
  name: z.string(),
  unit: z.string(),
  status: z.enum(["ACTIVE", "SUSPENDED", "RETIRED"]),
  /** 00:00:00.000 Beijing time of the first valid day */
  validFrom: ms,
  /** 23:59:59.999 Beijing time of the last valid day */
  validUntil: ms,
  /** unified domain codes (EMERGENCY, ECOLOGY, …) */
  domains: z.array(z.string()),
  idCardNo: z.string(),
  mobile: z.string(),
  version: z.number().int().positive(),
  updatedAt: ms,
});
export type CqOfficer = z.infer<typeof cqOfficer>;

/** An enterprise (执法对象) registered in Chongqing. */
export const cqEnterprise = z.object({
  creditCode: z.string().length(18),
  name: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
  divisionCode: z.string(),
  industry: z.string(),
  creditGrade: z.enum(["A", "B", "C", "D"]),
  version: z.number().int().positive(),
  updatedAt: ms,
});
export type CqEnterprise = z.infer<typeof cqEnterprise>;

/** One entry of the change feed: the entity as it was right after change `seq`. */
export const cqChange = z.discriminatedUnion("entity", [
  z.object({ seq: z.number().int().positive(), entity: z.literal("record"), data: cqRecord }),
  z.object({ seq: z.number().int().positive(), entity: z.literal("officer"), data: cqOfficer }),
  z.object({ seq: z.number().int().positive(), entity: z.literal("enterprise"), data: cqEnterprise }),
]);
export type CqChange = z.infer<typeof cqChange>;

/** `GET /api/v1/changes` */
export const cqChangesPage = z.object({
  items: z.array(cqChange),
  /** opaque; pass it back as `cursor`. Equals the cursor sent when the page is empty. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type CqChangesPage = z.infer<typeof cqChangesPage>;

/** Another province's record, pushed into Chongqing by the adapter (item code already mapped to a `cqCode`). */
export const cqSharedRecord = cqRecordBody.extend({
  origin: z.enum(["sc", "gz"]),
  /** the record's id on its origin platform, e.g. "SC-JC-000123" */
  originId: z.string().min(1),
  version: z.number().int().positive(),
});
export type CqSharedRecord = z.infer<typeof cqSharedRecord>;
export const cqSharedRecordsBody = z.object({ records: z.array(cqSharedRecord).min(1) });

/**
 * A dispatch task (派单) from the committee: visit one enterprise, check the listed items, show `code`
 * (the 执法码) at the visit. Origin is always "gz"; a later `version` replaces an earlier one.
 */
export const cqDispatchTask = z.object({
  taskId: z.string().min(1),
  version: z.number().int().positive(),
  enterpriseUscc: z.string().length(18),
  officerCertNos: certNos.min(1),
  /** Chongqing item codes */
  itemCodes: z.array(z.string().min(1)).min(1),
  window: z.object({ from: ms, to: ms }),
  code: z.string().min(1),
  /** REVOKED: the task was cancelled or its code revoked — the team must not show it */
  status: z.enum(["ACTIVE", "REVOKED"]).default("ACTIVE"),
});
export type CqDispatchTask = z.infer<typeof cqDispatchTask>;
export const cqDispatchTasksBody = z.object({ tasks: z.array(cqDispatchTask).min(1) });

/** "stored": new or newer version; "unchanged": this version is already held; "stale": an older version, ignored. */
export const INBOUND_STATUSES = ["stored", "unchanged", "stale"] as const;
export const cqInboundResult = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(INBOUND_STATUSES),
});
export const cqInboundResponse = z.object({ results: z.array(cqInboundResult) });
export type CqInboundResponse = z.infer<typeof cqInboundResponse>;

// Error body of every 4xx/5xx: { error: { code, message } } — the adapter reports the status and the body text.
