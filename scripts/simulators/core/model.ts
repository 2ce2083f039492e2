/**
 * The simulators' own, dialect-neutral model. Each province folder serializes it into its dialect;
 * item codes inside are the province's OWN codes (a real platform knows no other).
 */
export type { Province } from "../../../schema/common/jurisdiction.ts";
export type RecordKind = "INSPECTION" | "PENALTY";
/** inspections: PENDING → COMPLIANT | NON_COMPLIANT; penalties: PENDING → DECIDED */
export type RecordResult = "PENDING" | "COMPLIANT" | "NON_COMPLIANT" | "DECIDED";
export type CreditGrade = "A" | "B" | "C" | "D";
export type OfficerStatus = "ACTIVE" | "SUSPENDED" | "RETIRED";

/** the content of a record, wherever it came from */
/** 检查方式 and 免罚轻罚 in the simulator's own words (each dialect spells them its way) */
export type SimInspectionMode = "RANDOM" | "KEY_SUPERVISION" | "COMPLAINT" | "OTHER";
export type SimLenientKind = "FIRST_VIOLATION_EXEMPT" | "NOT_PUNISHED" | "LIGHTER" | "MITIGATED";

/** what a platform records for supervision (执法监督) beside the record itself; absent on shared records */
export interface SimSupervision {
  /** 执法部门 */
  department: string;
  /** inspections only */
  inspectionMode: SimInspectionMode | null;
  /** 现场检查 (inspections) */
  onSite: boolean | null;
  /** 结果公示时间, epoch ms (concluded random inspections) */
  resultPublishedAt: number | null;
  /** 扫码入企 (on-site inspections) */
  codeScanned: boolean | null;
  /** decided penalties that applied a lenient rule */
  lenientKind: SimLenientKind | null;
}

export interface RecordBody {
  kind: RecordKind;
  itemCode: string;
  enterpriseUscc: string;
  officerCertNos: readonly string[];
  occurredAt: number;
  decidedAt: number | null;
  fineFen: number | null;
  result: RecordResult;
  findings: string | null;
  taskId: string | null;
  supervision?: SimSupervision;
}

/** a record this province owns */
export interface SimRecord extends RecordBody {
  id: string;
  version: number;
  updatedAt: number;
}

export interface SimOfficer {
  certNo: string;
  name: string;
  unit: string;
  status: OfficerStatus;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, last valid day */
  validTo: string;
  domains: readonly string[];
  idNumber: string;
  phone: string;
  version: number;
  updatedAt: number;
}

export interface SimEnterprise {
  uscc: string;
  name: string;
  legalRepresentative: string;
  address: string;
  divisionCode: string;
  industry: string;
  creditGrade: CreditGrade;
  version: number;
  updatedAt: number;
}

/** one entry of the append-only change log: the entity right after change `seq` (never mutated) */
export type Change =
  | { seq: number; entity: "record"; data: SimRecord }
  | { seq: number; entity: "officer"; data: SimOfficer }
  | { seq: number; entity: "enterprise"; data: SimEnterprise };
export type Entity = Change["entity"];

/** the other province's (or the committee's) record, pushed in by an adapter */
export interface ReceivedRecord extends RecordBody {
  origin: string;
  originId: string;
  version: number;
  updatedAt: number;
  receivedAt: number;
}

/** a dispatch task (派单) pushed in by an adapter; origin is always the committee */
export interface ReceivedTask {
  taskId: string;
  version: number;
  enterpriseUscc: string;
  officerCertNos: readonly string[];
  itemCodes: readonly string[];
  window: { from: number; to: number };
  code: string;
  /** cancelled, or its code revoked: not to be shown nor answered */
  revoked: boolean;
  receivedAt: number;
}

/** "stored": new or newer version; "unchanged": this version is already held; "stale": older, ignored */
export type InboundStatus = "stored" | "unchanged" | "stale";
