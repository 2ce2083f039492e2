/**
 * The Sichuan platform's raw shapes (as simulated by scripts/simulators/sichuan), plus the codecs of its
 * scalar formats and its signature, so that the simulator and the adapter share one implementation.
 *
 * Dialect: snake_case JSON; Sichuan's own item codes (`scCode` of the catalog, e.g. "SC-511623-XZCF-00001");
 * times are "YYYY-MM-DD HH:mm:ss" in Beijing time (UTC+8, no offset written, whole seconds); dates
 * "YYYY-MM-DD"; money is a decimal STRING of yuan ("12000.50") — convert with schema/common/money.ts, never
 * through a float; record numbers look like `SC-JC-000123` (检查) / `SC-CF-000045` (处罚).
 *
 * Reading — use `GET /openapi/changes?since_id=<n>&page_size=<n>`, not the listing:
 * - `GET /openapi/records?updated_since=&page=&page_size=` pages over the CURRENT records ordered by
 *   (updated_at, record_no). A record updated while an adapter pages moves behind it (skipped) and
 *   shifts its neighbours forward (seen twice); `updated_at` has one-second resolution, so a
 *   checkpoint "last updated_at seen" either re-reads or misses records changed in that second.
 *   It is fine for a one-off snapshot (reconciliation), not for incremental sync.
 * - `/openapi/changes` is an append-only log with a strictly increasing `id`: checkpoint
 *   `next_since_id` after the page is stored and nothing is ever skipped. `total` is how many changes
 *   remain after `since_id` (including this page) — the adapter's lag. Under faults a page may repeat
 *   an entry or be out of order: keep the highest `rev` per id.
 * Its callbacks only say "something new", so the adapter registers none: it reads the log.
 *
 * Signature: `X-SC-Signature: sha256=<hex HMAC-SHA256 of the raw body, shared secret>` and
 * `X-SC-Timestamp: <unix seconds>` (not covered by the signature). Sichuan signs its callbacks this way
 * and REQUIRES the same on every POST an adapter makes to it (shared records, dispatch tasks); unsigned
 * or badly signed → 401.
 */

import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { BEIJING_OFFSET_MS } from "../../schema/common/effective-dates.ts";
import { fenFromYuanText } from "../../schema/common/money.ts";

// ---- scalar codecs -------------------------------------------------------------------------------

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** epoch ms → "YYYY-MM-DD HH:mm:ss" Beijing time (milliseconds dropped) */
export function formatBeijingTime(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** "YYYY-MM-DD HH:mm:ss" Beijing time → epoch ms; null when it is not a real time of that form */
export function parseBeijingTime(text: string): number | null {
  if (!TIME.test(text)) return null;
  const ms = Date.parse(`${text.replace(" ", "T")}+08:00`);
  return Number.isNaN(ms) || formatBeijingTime(ms) !== text ? null : ms;
}

/** "YYYY-MM-DD" → true when it is a real calendar date */
export const isScDate = (text: string): boolean =>
  DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

// ---- signature ------------------------------------------------------------------------------------

export const SC_SIGNATURE_HEADER = "x-sc-signature";
export const SC_TIMESTAMP_HEADER = "x-sc-timestamp";

/** the value of `X-SC-Signature` for a raw body */
export function scSignature(rawBody: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** constant-time check of an `X-SC-Signature` header against the raw body */
export function verifyScSignature(rawBody: string | Uint8Array, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(scSignature(rawBody, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** headers for a signed POST to Sichuan */
export function scSignedHeaders(rawBody: string, secret: string, nowMs = Date.now()): Record<string, string> {
  return {
    "content-type": "application/json",
    [SC_SIGNATURE_HEADER]: scSignature(rawBody, secret),
    [SC_TIMESTAMP_HEADER]: String(Math.floor(nowMs / 1000)),
  };
}

// ---- shapes ---------------------------------------------------------------------------------------

const time = z.string().refine((s) => parseBeijingTime(s) !== null, "expected YYYY-MM-DD HH:mm:ss (Beijing time)");
const date = z.string().refine(isScDate, "expected YYYY-MM-DD");
const yuan = z.string().refine((s) => fenFromYuanText(s) !== null, "expected a decimal yuan string like 12000.50");
const uscc = z.string().length(18);
const certNos = z.array(z.string().min(1));

export const SC_RECORD_KINDS = ["检查", "处罚"] as const;
/** 检查: 待定 → 合格 | 不合格. 处罚: 待定 → 已决定 (then decided_at and fine_yuan are set). */
export const SC_RESULTS = ["待定", "合格", "不合格", "已决定"] as const;
export const SC_OFFICER_STATUSES = { 在岗: "ACTIVE", 暂停执法: "SUSPENDED", 退休: "RETIRED" } as const;
export type ScOfficerStatus = keyof typeof SC_OFFICER_STATUSES;

/** What a record says, whoever holds it. */
const scRecordBody = z.object({
  record_kind: z.enum(SC_RECORD_KINDS),
  /** Sichuan's own item code (catalog `scCode`) */
  item_code: z.string().min(1),
  uscc,
  officer_cert_nos: certNos,
  happened_at: time,
  decided_at: time.nullable(),
  fine_yuan: yuan.nullable(),
  result: z.enum(SC_RESULTS),
  findings: z.string().nullable(),
  /** the dispatch task this inspection answers, else null */
  task_id: z.string().nullable(),
  updated_at: time,
});

/** 检查方式, as Sichuan writes it */
export const SC_CHECK_WAYS = ["双随机", "重点监管", "投诉举报", "其他"] as const;
/** 免罚轻罚, as Sichuan writes it */
export const SC_LENIENT_TYPES = ["首违不罚", "不予处罚", "从轻处罚", "减轻处罚"] as const;
const flag = z.union([z.literal(0), z.literal(1)]);

/** What Sichuan records for supervision about its own records (optional: older exports lack them). */
const scSupervision = z.object({
  /** 执法部门 */
  dept_name: z.string().nullable().optional(),
  /** inspections: 检查方式 */
  check_way: z.enum(SC_CHECK_WAYS).nullable().optional(),
  /** inspections: 现场检查 1 / 非现场 0 */
  on_site: flag.nullable().optional(),
  /** 结果公示时间 */
  publicity_time: time.nullable().optional(),
  /** 扫码入企: 1 when the enterprise scanned the officers' code */
  scan_flag: flag.nullable().optional(),
  /** decided penalties: the lenient rule applied */
  lenient_type: z.enum(SC_LENIENT_TYPES).nullable().optional(),
});

/** An enforcement record as Sichuan holds it. */
export const scRecord = scRecordBody.extend({
  record_no: z.string().regex(/^SC-(JC|CF)-\d{6,}$/),
  /** starts at 1, +1 on every change */
  rev: z.number().int().positive(),
  is_deleted: flag,
  ...scSupervision.shape,
});
export type ScRecord = z.infer<typeof scRecord>;

export const scOfficer = z.object({
  cert_no: z.string().min(1),
  name: z.string(),
  unit: z.string(),
  status: z.enum(Object.keys(SC_OFFICER_STATUSES) as [ScOfficerStatus, ...ScOfficerStatus[]]),
  valid_from: date,
  /** last valid day */
  valid_until: date,
  /** unified domain codes */
  domains: z.array(z.string()),
  id_card_no: z.string(),
  phone: z.string(),
  rev: z.number().int().positive(),
  updated_at: time,
});
export type ScOfficer = z.infer<typeof scOfficer>;

export const scEnterprise = z.object({
  uscc,
  name: z.string(),
  legal_person: z.string(),
  address: z.string(),
  division_code: z.string(),
  industry: z.string(),
  credit_grade: z.enum(["A", "B", "C", "D"]),
  rev: z.number().int().positive(),
  updated_at: time,
});
export type ScEnterprise = z.infer<typeof scEnterprise>;

/** `GET /openapi/records` (page is 1-based; page_size 1..500, default 50) */
export const scRecordsPage = z.object({
  data: z.array(scRecord),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  page_size: z.number().int().positive(),
});
export type ScRecordsPage = z.infer<typeof scRecordsPage>;

const changeHead = { id: z.number().int().positive(), changed_at: time };
export const scChange = z.discriminatedUnion("entity_type", [
  z.object({ ...changeHead, entity_type: z.literal("record"), data: scRecord }),
  z.object({ ...changeHead, entity_type: z.literal("officer"), data: scOfficer }),
  z.object({ ...changeHead, entity_type: z.literal("enterprise"), data: scEnterprise }),
]);
export type ScChange = z.infer<typeof scChange>;

/** `GET /openapi/changes` (since_id default 0; page_size 1..1000, default 100) */
export const scChangesPage = z.object({
  data: z.array(scChange),
  total: z.number().int().nonnegative(),
  /** equals since_id when the page is empty */
  next_since_id: z.number().int().nonnegative(),
});
export type ScChangesPage = z.infer<typeof scChangesPage>;

/** Another province's record pushed into Sichuan (item code already mapped to an `scCode`). */
export const scSharedRecord = scRecordBody.extend({
  origin: z.enum(["cq", "gz"]),
  origin_id: z.string().min(1),
  rev: z.number().int().positive(),
});
export type ScSharedRecord = z.infer<typeof scSharedRecord>;
export const scSharedRecordsBody = z.object({ records: z.array(scSharedRecord).min(1) });

/** A dispatch task (派单) from the committee (origin "gz"); a later `rev` replaces an earlier one. */
export const scDispatchTask = z.object({
  task_id: z.string().min(1),
  rev: z.number().int().positive(),
  enterprise_uscc: uscc,
  officer_cert_nos: certNos.min(1),
  /** Sichuan item codes */
  item_codes: z.array(z.string().min(1)).min(1),
  window: z.object({ from: time, to: time }),
  /** the 执法码 shown at the visit */
  code: z.string().min(1),
  /** revoked: the task was cancelled or its code revoked — the team must not show it */
  state: z.enum(["valid", "revoked"]).default("valid"),
});
export type ScDispatchTask = z.infer<typeof scDispatchTask>;
export const scDispatchTasksBody = z.object({ tasks: z.array(scDispatchTask).min(1) });

/** "stored": new or newer rev; "unchanged": this rev is already held; "stale": an older rev, ignored. */
export const scInboundResponse = z.object({
  results: z.array(
    z.object({ id: z.string(), rev: z.number().int(), status: z.enum(["stored", "unchanged", "stale"]) }),
  ),
});
export type ScInboundResponse = z.infer<typeof scInboundResponse>;

// Error body of every 4xx/5xx: { code, msg } — the adapter reports the status and the body text.
