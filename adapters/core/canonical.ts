/**
 * The gateway's canonical shapes as an adapter sees them (docs/sync.md): what a mapper produces
 * (`RecordInput`, `OfficerInput`, `EnterpriseInput`) and what the change stream delivers
 * (`RecordChange`). Vendor shapes stop at the mappers.
 */
import { beijingDayBounds } from "../../schema/common/effective-dates.ts";
import type { Province } from "../../schema/common/jurisdiction.ts";
import { newestVersion } from "../../schema/sync/rules/newest-version.ts";
import type { ResultOf } from "./operations/graphql.ts";
import type { CHANGES } from "./operations/outbound.ts";

export type { Province };
export type RecordKind = "INSPECTION" | "PENALTY_DECISION";

/**
 * One result vocabulary for both platforms, so that a record reads the same on either side:
 * inspections PENDING → COMPLIANT | NON_COMPLIANT, penalty decisions PENDING → DECIDED.
 */
export type CanonicalResult = "PENDING" | "COMPLIANT" | "NON_COMPLIANT" | "DECIDED";

/** `RecordInput` of the gateway's `ingestRecords` */
export interface RecordInput {
  originId: string;
  version: number;
  kind: RecordKind;
  itemCode: string | null;
  enterpriseUscc: string | null;
  officerCertificates: string[] | null;
  occurredAt: string | null;
  decidedAt: string | null;
  /** decimal yuan, two decimals ("12000.50") */
  fineYuan: string | null;
  result: string | null;
  findings: string | null;
  taskId: string | null;
  payload: Record<string, unknown> | null;
  /** 监督字段 (docs/supervision.md); absent: the platform does not say */
  department?: string | null;
  inspectionMode?: "RANDOM" | "KEY_SUPERVISION" | "COMPLAINT" | "OTHER" | null;
  onSite?: boolean | null;
  /** ISO 8601 */
  resultPublishedAt?: string | null;
  codeScanned?: boolean | null;
  lenientKind?: "FIRST_VIOLATION_EXEMPT" | "NOT_PUNISHED" | "LIGHTER" | "MITIGATED" | null;
}

/**
 * `OfficerInput` of the gateway's `upsertOfficers` (人员库). The home jurisdiction is the token's
 * issuer; the platform's `version` / `rev` orders the writes. Dates are Beijing calendar days.
 */
export interface OfficerInput {
  certificateNumber: string;
  name: string;
  version: number;
  unit: string | null;
  status: "ACTIVE" | "SUSPENDED" | "RETIRED";
  /** YYYY-MM-DD, first valid day */
  certificateValidFrom: string | null;
  /** YYYY-MM-DD, last valid day */
  certificateValidTo: string | null;
  /** unified domain codes (EMERGENCY, ECOLOGY, …) */
  qualifiedDomains: string[];
  idNumber: string | null;
  phone: string | null;
}

/** `EnterpriseInput` of the gateway's `upsertEnterprises` (对象库) */
export interface EnterpriseInput {
  uscc: string;
  name: string;
  version: number;
  divisionCode: string | null;
  industry: string | null;
  creditGrade: "A" | "B" | "C" | "D" | null;
  legalRepresentative: string | null;
  address: string | null;
}

/** what the adapter could not even map: goes to `quarantineRecords`, never dropped */
export interface Unmappable {
  originId: string | null;
  version: number | null;
  /** SCREAMING_SNAKE, e.g. UNMAPPED_ITEM_CODE */
  code: string;
  reason: string;
  /** the vendor record as received */
  payload: unknown;
}

export type MapResult = { ok: true; record: RecordInput } | { ok: false; unmappable: Unmappable };

/** one event of the `changes` subscription, as adapters/core/operations/outbound.ts selects it */
export type Change = ResultOf<typeof CHANGES>["changes"];

/** the record of a `record.upserted` change, in the canonical shape; null for any other change */
export function recordChangeOf(change: Change): RecordChange | null {
  const subject = change.subject;
  if (subject?.__typename !== "ChangedRecord") return null;
  const { __typename: _type, ...record } = subject;
  return { ...record, origin: record.origin.toLowerCase(), payload: dataOf(record.payload) };
}

/** the task of a `dispatch.task` change, in the canonical shape; null for any other change */
export function taskChangeOf(change: Change): TaskChange | null {
  const subject = change.subject;
  if (subject?.__typename !== "ChangedTask") return null;
  return {
    taskId: subject.id,
    version: subject.version,
    state: subject.state,
    enterprise: { uscc: subject.enterprise.uscc, name: subject.enterprise.name ?? "" },
    itemCodes: subject.itemCodes,
    visitFrom: subject.visitFrom,
    visitTo: subject.visitTo,
    officers: subject.officers.map((o) => ({
      certificateNumber: o.certificateNumber,
      jurisdiction: o.jurisdiction.toLowerCase(),
    })),
    inspectionCode: subject.inspectionCode,
    codeRevoked: subject.codeRevoked,
    jurisdictions: subject.jurisdictions.map((j) => j.toLowerCase()),
  };
}

const dataOf = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** the payload of a `record.upserted` change (same names as the GraphQL EnforcementRecord) */
export interface RecordChange {
  id: string;
  origin: string;
  originId: string;
  version: number;
  kind: RecordKind;
  itemCode: string | null;
  enterpriseUscc: string | null;
  officerCertificates: string[];
  occurredAt: string;
  decidedAt: string | null;
  fineYuan: string | null;
  result: string | null;
  findings: string | null;
  taskId: string | null;
  payload: Record<string, unknown> | null;
}

/** the payload of a `dispatch.task` change (schema/dispatch/task-change.ts): a joint task at its version */
export interface TaskChange {
  taskId: string;
  version: number;
  state: "PLANNED" | "DISPATCHED" | "IN_PROGRESS" | "DONE" | "CANCELLED";
  enterprise: { uscc: string; name: string };
  itemCodes: string[];
  /** Beijing days, inclusive */
  visitFrom: string;
  visitTo: string;
  officers: { certificateNumber: string; jurisdiction: string }[];
  /** the 执法码; null before dispatch */
  inspectionCode: string | null;
  /** the code is revoked (also when the task is cancelled): platforms must withdraw it */
  codeRevoked: boolean;
  jurisdictions: string[];
}

/** the visit window of a task as instants: Beijing midnight of the first day to the end of the last */
function taskWindow(task: Pick<TaskChange, "visitFrom" | "visitTo">): { from: number; to: number } {
  return { from: beijingDayBounds(task.visitFrom).start, to: beijingDayBounds(task.visitTo).end };
}

/** What both platforms' dispatch-task shapes say, before each names it in its own dialect. */
export interface TaskForPlatform {
  inspectionCode: string;
  /** the items in the platform's own codes */
  itemCodes: string[];
  window: { from: number; to: number };
  /** the code must be withdrawn: revoked, or the task cancelled */
  withdrawn: boolean;
}

/** null when the task has no code yet (not dispatched) or an item has no code on the platform. Pure. */
export function taskForPlatform(task: TaskChange, items: ItemCodes): TaskForPlatform | null {
  if (task.inspectionCode === null) return null;
  const itemCodes = task.itemCodes.map((code) => items.fromUnified(code));
  if (itemCodes.some((code) => code === null)) return null;
  return {
    inspectionCode: task.inspectionCode,
    itemCodes: itemCodes as string[],
    window: taskWindow(task),
    withdrawn: task.codeRevoked || task.state === "CANCELLED",
  };
}

/** province item code ⇄ unified item code; `null` when the catalog does not know it */
export interface ItemCodes {
  toUnified(provinceCode: string): string | null;
  fromUnified(unifiedCode: string): string | null;
}

/** extra field carrying the platform's own last-change time (the shared-record shapes need one) */
export const SOURCE_UPDATED_AT = "sourceUpdatedAt";

/** the time the platform last changed a record, for the other side's `updatedAt` */
export function sourceUpdatedAt(record: RecordChange): string {
  const value = record.payload?.[SOURCE_UPDATED_AT];
  return typeof value === "string" ? value : (record.decidedAt ?? record.occurredAt);
}

export function unmappable(
  vendor: unknown,
  originId: string | null,
  version: number | null,
  code: string,
  reason: string,
): MapResult {
  return { ok: false, unmappable: { originId, version, code, reason, payload: vendor } };
}

/** keeps, per id, only the newest version by the gateway's one rule (feeds deliver at least once and may reorder) */
export function newestPerId<T>(items: readonly T[], id: (item: T) => string, version: (item: T) => number): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const held = best.get(id(item));
    const stored = held ? version(held) : null;
    if (newestVersion({ stored, incoming: version(item), sameContent: true }) === "APPLY") best.set(id(item), item);
  }
  return [...best.values()];
}
