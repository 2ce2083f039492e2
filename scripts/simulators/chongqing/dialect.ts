/** The simulator's model in Chongqing's dialect (adapters/chongqing/types.ts): camelCase, epoch ms. */

import type {
  CQ_CHECK_MODES,
  CQ_LENIENT_TYPES,
  CqDispatchTask,
  CqEnterprise,
  CqOfficer,
  CqRecord,
  CqSharedRecord,
} from "../../../adapters/chongqing/types.ts";
import { beijingDayBounds } from "../../../schema/common/effective-dates.ts";
import type {
  Change,
  ReceivedRecord,
  ReceivedTask,
  RecordBody,
  RecordKind,
  SimEnterprise,
  SimInspectionMode,
  SimLenientKind,
  SimOfficer,
  SimRecord,
  SimSupervision,
} from "../core/model.ts";

const PREFIX: Record<RecordKind, string> = { INSPECTION: "CQ-INS", PENALTY: "CQ-PEN" };
export const cqRecordId = (kind: RecordKind, n: number) => `${PREFIX[kind]}-${String(n).padStart(6, "0")}`;

/** the feed cursor: opaque to clients, the log position inside */
export const encodeCursor = (seq: number) => Buffer.from(`cq1:${seq}`).toString("base64url");
export function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === "") return 0;
  const m = /^cq1:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? Number(m[1]) : null;
}

type CqRecordBody = Omit<CqRecord, "recordId" | "version" | "deleted">;
type TimedBody = RecordBody & { updatedAt: number };

const toCqBody = (r: TimedBody): CqRecordBody => ({
  recordType: r.kind,
  itemCode: r.itemCode,
  enterpriseCreditCode: r.enterpriseUscc,
  officerCertNos: [...r.officerCertNos],
  occurredAt: r.occurredAt,
  decidedAt: r.decidedAt,
  fineAmountFen: r.fineFen,
  result: r.result,
  findings: r.findings,
  taskId: r.taskId,
  updatedAt: r.updatedAt,
});

const fromCqBody = (s: CqRecordBody): TimedBody => ({
  kind: s.recordType,
  itemCode: s.itemCode,
  enterpriseUscc: s.enterpriseCreditCode,
  officerCertNos: s.officerCertNos,
  occurredAt: s.occurredAt,
  decidedAt: s.decidedAt,
  fineFen: s.fineAmountFen,
  result: s.result,
  findings: s.findings,
  taskId: s.taskId,
  updatedAt: s.updatedAt,
});

const CQ_CHECK_MODE: Record<SimInspectionMode, (typeof CQ_CHECK_MODES)[number]> = {
  RANDOM: "DOUBLE_RANDOM",
  KEY_SUPERVISION: "KEY",
  COMPLAINT: "COMPLAINT",
  OTHER: "OTHER",
};
const CQ_LENIENT: Record<SimLenientKind, (typeof CQ_LENIENT_TYPES)[number]> = {
  FIRST_VIOLATION_EXEMPT: "SWBF",
  NOT_PUNISHED: "BYCF",
  LIGHTER: "CQ",
  MITIGATED: "JQ",
};

/** the 执法+监督 platform's supervision fields of its own records */
const toCqSupervision = (s: SimSupervision | undefined) =>
  s && {
    deptName: s.department,
    checkMode: s.inspectionMode && CQ_CHECK_MODE[s.inspectionMode],
    onSite: s.onSite,
    publicityAt: s.resultPublishedAt,
    scanned: s.codeScanned,
    lenientType: s.lenientKind && CQ_LENIENT[s.lenientKind],
  };

export const toCqRecord = (r: SimRecord): CqRecord => ({
  recordId: r.id,
  version: r.version,
  ...toCqBody(r),
  deleted: false,
  ...toCqSupervision(r.supervision),
});

export const toCqOfficer = (o: SimOfficer): CqOfficer => ({
  certNo: o.certNo,
  name: o.name,
  unit: o.unit,
  status: o.status,
  validFrom: beijingDayBounds(o.validFrom).start,
  validUntil: beijingDayBounds(o.validTo).end,
  domains: [...o.domains],
  idCardNo: o.idNumber,
  mobile: o.phone,
  version: o.version,
  updatedAt: o.updatedAt,
});

export const toCqEnterprise = (e: SimEnterprise): CqEnterprise => ({
  creditCode: e.uscc,
  name: e.name,
  legalRepresentative: e.legalRepresentative,
  address: e.address,
  divisionCode: e.divisionCode,
  industry: e.industry,
  creditGrade: e.creditGrade,
  version: e.version,
  updatedAt: e.updatedAt,
});

export function toCqChange(c: Change) {
  if (c.entity === "record") return { seq: c.seq, entity: c.entity, data: toCqRecord(c.data) };
  if (c.entity === "officer") return { seq: c.seq, entity: c.entity, data: toCqOfficer(c.data) };
  return { seq: c.seq, entity: c.entity, data: toCqEnterprise(c.data) };
}

export const fromCqShared = (s: CqSharedRecord): Omit<ReceivedRecord, "receivedAt"> => ({
  origin: s.origin,
  originId: s.originId,
  version: s.version,
  ...fromCqBody(s),
});

export const toCqShared = (r: ReceivedRecord): CqSharedRecord & { receivedAt: number } => ({
  origin: r.origin as CqSharedRecord["origin"],
  originId: r.originId,
  version: r.version,
  ...toCqBody(r),
  receivedAt: r.receivedAt,
});

export const fromCqTask = ({ status, ...t }: CqDispatchTask): Omit<ReceivedTask, "receivedAt"> => ({
  ...t,
  revoked: status === "REVOKED",
});

export const toCqTask = (t: ReceivedTask): CqDispatchTask & { receivedAt: number } => ({
  taskId: t.taskId,
  version: t.version,
  enterpriseUscc: t.enterpriseUscc,
  officerCertNos: [...t.officerCertNos],
  itemCodes: [...t.itemCodes],
  window: { ...t.window },
  code: t.code,
  status: t.revoked ? "REVOKED" : "ACTIVE",
  receivedAt: t.receivedAt,
});
