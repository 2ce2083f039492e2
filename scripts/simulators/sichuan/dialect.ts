/**
 * The simulator's model in Sichuan's dialect (adapters/sichuan/types.ts): snake_case, Beijing-time
 * strings, yuan as decimal strings, Chinese enumerations.
 */

import {
  formatBeijingTime,
  parseBeijingTime,
  type SC_CHECK_WAYS,
  type SC_LENIENT_TYPES,
  SC_OFFICER_STATUSES,
  type ScDispatchTask,
  type ScEnterprise,
  type ScOfficer,
  type ScOfficerStatus,
  type ScRecord,
  type ScSharedRecord,
} from "../../../adapters/sichuan/types.ts";
import { fenFromYuanText, yuanTextFromFen } from "../../../schema/common/money.ts";
import type {
  Change,
  OfficerStatus,
  ReceivedRecord,
  ReceivedTask,
  RecordBody,
  RecordKind,
  RecordResult,
  SimEnterprise,
  SimInspectionMode,
  SimLenientKind,
  SimOfficer,
  SimRecord,
  SimSupervision,
} from "../core/model.ts";

const PREFIX: Record<RecordKind, string> = { INSPECTION: "SC-JC", PENALTY: "SC-CF" };
export const scRecordId = (kind: RecordKind, n: number) => `${PREFIX[kind]}-${String(n).padStart(6, "0")}`;

const KIND = { INSPECTION: "检查", PENALTY: "处罚" } as const satisfies Record<RecordKind, ScRecord["record_kind"]>;
const RESULT = {
  PENDING: "待定",
  COMPLIANT: "合格",
  NON_COMPLIANT: "不合格",
  DECIDED: "已决定",
} as const satisfies Record<RecordResult, ScRecord["result"]>;
const invert = <K extends string, V extends string>(map: Record<K, V>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
const KIND_BACK = invert(KIND);
const RESULT_BACK = invert(RESULT);
const STATUS = invert(SC_OFFICER_STATUSES) as Record<OfficerStatus, ScOfficerStatus>;

const time = formatBeijingTime;
const timeOrNull = (ms: number | null) => (ms === null ? null : time(ms));
/** the schemas refuse malformed times and amounts, so parsing here cannot fail */
const ms = (text: string) => parseBeijingTime(text)!;
const msOrNull = (text: string | null) => (text === null ? null : ms(text));

type ScRecordBody = Omit<ScRecord, "record_no" | "rev" | "is_deleted">;
type TimedBody = RecordBody & { updatedAt: number };

const toScBody = (r: TimedBody): ScRecordBody => ({
  record_kind: KIND[r.kind],
  item_code: r.itemCode,
  uscc: r.enterpriseUscc,
  officer_cert_nos: [...r.officerCertNos],
  happened_at: time(r.occurredAt),
  decided_at: timeOrNull(r.decidedAt),
  fine_yuan: r.fineFen === null ? null : yuanTextFromFen(r.fineFen),
  result: RESULT[r.result],
  findings: r.findings,
  task_id: r.taskId,
  updated_at: time(r.updatedAt),
});

const fromScBody = (s: ScRecordBody): TimedBody => ({
  kind: KIND_BACK[s.record_kind],
  itemCode: s.item_code,
  enterpriseUscc: s.uscc,
  officerCertNos: s.officer_cert_nos,
  occurredAt: ms(s.happened_at),
  decidedAt: msOrNull(s.decided_at),
  fineFen: s.fine_yuan === null ? null : numberOfFen(s.fine_yuan),
  result: RESULT_BACK[s.result],
  findings: s.findings,
  taskId: s.task_id,
  updatedAt: ms(s.updated_at),
});

const SC_CHECK_WAY: Record<SimInspectionMode, (typeof SC_CHECK_WAYS)[number]> = {
  RANDOM: "双随机",
  KEY_SUPERVISION: "重点监管",
  COMPLAINT: "投诉举报",
  OTHER: "其他",
};
const SC_LENIENT: Record<SimLenientKind, (typeof SC_LENIENT_TYPES)[number]> = {
  FIRST_VIOLATION_EXEMPT: "首违不罚",
  NOT_PUNISHED: "不予处罚",
  LIGHTER: "从轻处罚",
  MITIGATED: "减轻处罚",
};
const flag = (value: boolean | null) => (value === null ? null : value ? (1 as const) : (0 as const));

/** Sichuan's supervision columns of its own records */
const toScSupervision = (s: SimSupervision | undefined) =>
  s && {
    dept_name: s.department,
    check_way: s.inspectionMode && SC_CHECK_WAY[s.inspectionMode],
    on_site: flag(s.onSite),
    publicity_time: timeOrNull(s.resultPublishedAt),
    scan_flag: flag(s.codeScanned),
    lenient_type: s.lenientKind && SC_LENIENT[s.lenientKind],
  };

export const toScRecord = (r: SimRecord): ScRecord => ({
  record_no: r.id,
  rev: r.version,
  ...toScBody(r),
  is_deleted: 0,
  ...toScSupervision(r.supervision),
});

export const toScOfficer = (o: SimOfficer): ScOfficer => ({
  cert_no: o.certNo,
  name: o.name,
  unit: o.unit,
  status: STATUS[o.status],
  valid_from: o.validFrom,
  valid_until: o.validTo,
  domains: [...o.domains],
  id_card_no: o.idNumber,
  phone: o.phone,
  rev: o.version,
  updated_at: time(o.updatedAt),
});

export const toScEnterprise = (e: SimEnterprise): ScEnterprise => ({
  uscc: e.uscc,
  name: e.name,
  legal_person: e.legalRepresentative,
  address: e.address,
  division_code: e.divisionCode,
  industry: e.industry,
  credit_grade: e.creditGrade,
  rev: e.version,
  updated_at: time(e.updatedAt),
});

export function toScChange(c: Change) {
  const head = { id: c.seq, changed_at: time(c.data.updatedAt) };
  if (c.entity === "record") return { ...head, entity_type: c.entity, data: toScRecord(c.data) };
  if (c.entity === "officer") return { ...head, entity_type: c.entity, data: toScOfficer(c.data) };
  return { ...head, entity_type: c.entity, data: toScEnterprise(c.data) };
}

export const fromScShared = (s: ScSharedRecord): Omit<ReceivedRecord, "receivedAt"> => ({
  origin: s.origin,
  originId: s.origin_id,
  version: s.rev,
  ...fromScBody(s),
});

export const toScShared = (r: ReceivedRecord): ScSharedRecord & { received_at: string } => ({
  origin: r.origin as ScSharedRecord["origin"],
  origin_id: r.originId,
  rev: r.version,
  ...toScBody(r),
  received_at: time(r.receivedAt),
});

export const fromScTask = (t: ScDispatchTask): Omit<ReceivedTask, "receivedAt"> => ({
  taskId: t.task_id,
  version: t.rev,
  enterpriseUscc: t.enterprise_uscc,
  officerCertNos: t.officer_cert_nos,
  itemCodes: t.item_codes,
  window: { from: ms(t.window.from), to: ms(t.window.to) },
  code: t.code,
  revoked: t.state === "revoked",
});

export const toScTask = (t: ReceivedTask): ScDispatchTask & { received_at: string } => ({
  task_id: t.taskId,
  rev: t.version,
  enterprise_uscc: t.enterpriseUscc,
  officer_cert_nos: [...t.officerCertNos],
  item_codes: [...t.itemCodes],
  window: { from: time(t.window.from), to: time(t.window.to) },
  code: t.code,
  state: t.revoked ? "revoked" : "valid",
  received_at: time(t.receivedAt),
});

/** a Sichuan yuan amount as the simulator's integer fen (its dialect was validated on the way in) */
function numberOfFen(yuan: string): number | null {
  const fen = fenFromYuanText(yuan);
  return fen === null ? null : Number(fen);
}
