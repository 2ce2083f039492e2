/**
 * 人员库: an officer is owned entirely by the home jurisdiction that issued the certificate (执法证),
 * keyed by certificate number. Only that province writes it (the other is refused, FORBIDDEN); 管委会
 * (gz) may correct it, naming the stored version. Versions decide as for enterprises (schema/sync/rules/newest-version.ts).
 */
import { diffFields, sameFields } from "./field-changes.ts";
import { type Settled, settleWrite } from "./settle-write.ts";

export type OfficerStatusValue = "ACTIVE" | "SUSPENDED" | "RETIRED";

/** An officer as written and stored; dates as YYYY-MM-DD so that comparisons are by calendar day. */
/** A write is a full snapshot of the home platform's record: a field it leaves out is stored as unknown (null). */
export interface OfficerFields {
  certificateNumber: string;
  name: string;
  unit: string | null;
  status: OfficerStatusValue;
  certificateValidFrom: string | null;
  certificateValidTo: string | null;
  /** sorted, without repeats */
  qualifiedDomains: readonly string[];
  idNumber: string | null;
  phone: string | null;
  homeAddress: string | null;
}

export interface OfficerState extends OfficerFields {
  homeJurisdiction: string;
  version: number;
}

export interface OfficerWrite extends OfficerFields {
  version: number;
}

export type OfficerReconciled =
  | Settled<OfficerState>
  | { outcome: "REFUSED"; code: "FORBIDDEN" | "NOT_FOUND"; message: string };

const CONTENT_FIELDS = [
  "name",
  "unit",
  "status",
  "certificateValidFrom",
  "certificateValidTo",
  "qualifiedDomains",
  "idNumber",
  "phone",
  "homeAddress",
] as const;
export const OFFICER_HISTORY_FIELDS = ["homeJurisdiction", ...CONTENT_FIELDS, "version"] as const;

export function reconcileOfficer(
  stored: OfficerState | null,
  write: OfficerWrite,
  writer: "cq" | "sc" | "gz",
): OfficerReconciled {
  const key = write.certificateNumber;
  if (stored === null) {
    if (writer === "gz") {
      return {
        outcome: "REFUSED",
        code: "NOT_FOUND",
        message: `No officer ${key} to correct: 管委会 corrects stored officers, the home jurisdiction creates them`,
      };
    }
    const state: OfficerState = { ...write, homeJurisdiction: writer };
    return { outcome: "APPLIED", state, changes: diffFields(null, state, OFFICER_HISTORY_FIELDS) };
  }
  if (writer !== "gz" && writer !== stored.homeJurisdiction) {
    return {
      outcome: "REFUSED",
      code: "FORBIDDEN",
      message: `Officer ${key} belongs to ${stored.homeJurisdiction}: only its home jurisdiction (or 管委会) may write it`,
    };
  }
  const correction = writer === "gz";
  const candidate: OfficerState = {
    ...write,
    homeJurisdiction: stored.homeJurisdiction,
    version: correction ? stored.version : write.version,
  };
  const sameContent = sameFields(stored, candidate, CONTENT_FIELDS);
  return settleWrite({
    stored,
    storedVersion: stored.version,
    candidate,
    incomingVersion: write.version,
    sameContent,
    correction,
    changes: (before, after) => diffFields(before, after, OFFICER_HISTORY_FIELDS),
    aheadMessage: `A correction must name the stored version ${stored.version} of officer ${key}, not ${write.version}`,
  });
}
