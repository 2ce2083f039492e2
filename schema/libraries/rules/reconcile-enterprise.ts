/**
 * 对象库 reconciliation: one enterprise per USCC, however many platforms know it (issue 5 §3).
 *
 * Ownership, field by field:
 * - The REGISTERING jurisdiction (登记地) is read from the USCC's positions 3–8 (the registration
 *   authority's division: 50xxxx → cq, 51xxxx → sc). For a USCC registered elsewhere it is the first
 *   writer's — the one case where arrival order decides, and only who owns the registration data.
 * - It owns the registration fields: name, park, town, divisionCode, industry, legalRepresentative,
 *   address. The other province may push the same enterprise; it then writes only its own fields. If it
 *   writes first, its registration data is stored PROVISIONALLY (registrationProvisional) and replaced
 *   as soon as the owner writes.
 * - Each province owns its own credit grade (creditGradeCq / creditGradeSc) and its own version counter
 *   (versionCq / versionSc). `creditGrade` is the registering jurisdiction's grade, or the other's while
 *   the owner has none; `version` is the owner's counter (0 while the owner has not written).
 * - Versions decide, never arrival order (schema/sync/rules/newest-version.ts): a write whose version is not
 *   newer than its province's stored one changes nothing and is kept in history as STALE. Hence the end state
 *   is the same whichever order the two provinces' writes arrive in.
 * - 管委会 (gz) corrects the registration fields and the registering jurisdiction's grade of a stored
 *   enterprise, naming the owner's stored version; it cannot create one (it has no origin).
 */
import { type Jurisdiction, otherProvince, type Province } from "../../common/jurisdiction.ts";
import { diffFields, sameFields } from "./field-changes.ts";
import type { CreditGrade } from "./risk-colour.ts";
import { type Settled, settleWrite } from "./settle-write.ts";
import { divisionCodeOfUscc } from "./uscc.ts";

export type { Province };
/** who writes: a province, or gz correcting */
export type Writer = Jurisdiction;

/** A write is a full snapshot of the province's record: a field it leaves out is stored as unknown (null),
 *  so that the end state never depends on the order in which versions arrive. */
export interface EnterpriseRegistration {
  name: string;
  park: string | null;
  town: string | null;
  divisionCode: string | null;
  industry: string | null;
  legalRepresentative: string | null;
  address: string | null;
}

/** The stored enterprise, column for column. */
export interface EnterpriseState extends EnterpriseRegistration {
  uscc: string;
  registeringJurisdiction: string;
  registrationProvisional: boolean;
  creditGrade: CreditGrade | null;
  creditGradeCq: CreditGrade | null;
  creditGradeSc: CreditGrade | null;
  version: number;
  versionCq: number | null;
  versionSc: number | null;
}

/** One province's (or gz's) write, validated. */
export interface EnterpriseWrite extends EnterpriseRegistration {
  uscc: string;
  version: number;
  creditGrade: CreditGrade | null;
}

export type Reconciled = Settled<EnterpriseState> | { outcome: "REFUSED"; code: "NOT_FOUND"; message: string };

const REGISTRATION_FIELDS = [
  "name",
  "park",
  "town",
  "divisionCode",
  "industry",
  "legalRepresentative",
  "address",
] as const;
const CONTENT_FIELDS = [
  ...REGISTRATION_FIELDS,
  "registeringJurisdiction",
  "registrationProvisional",
  "creditGrade",
  "creditGradeCq",
  "creditGradeSc",
] as const;
export const ENTERPRISE_HISTORY_FIELDS = [...CONTENT_FIELDS, "version", "versionCq", "versionSc"] as const;

/** 50xxxx → cq, 51xxxx → sc (GB/T 2260 province prefixes); otherwise the first writer's. */
export function registeringJurisdictionOf(uscc: string, firstWriter: Province): Province {
  const prefix = divisionCodeOfUscc(uscc)?.slice(0, 2);
  return prefix === "50" ? "cq" : prefix === "51" ? "sc" : firstWriter;
}

/** The version stored for a province; seeded rows carry the owner's in `version` only. */
export function storedVersionOf(state: EnterpriseState, province: Province): number {
  const own = province === "cq" ? state.versionCq : state.versionSc;
  return own ?? (state.registeringJurisdiction === province ? state.version : 0);
}

const gradeKey = (p: Province) => (p === "cq" ? "creditGradeCq" : "creditGradeSc");
const versionKey = (p: Province) => (p === "cq" ? "versionCq" : "versionSc");

function registrationOf(write: EnterpriseRegistration): EnterpriseRegistration {
  const { name, park, town, divisionCode, industry, legalRepresentative, address } = write;
  return { name, park, town, divisionCode, industry, legalRepresentative, address };
}

/** creditGrade follows the owner's grade, else the other province's. */
function withCombinedGrade(state: EnterpriseState): EnterpriseState {
  const owner = state.registeringJurisdiction === "sc" ? "sc" : "cq";
  const grade = state[gradeKey(owner)] ?? state[gradeKey(otherProvince(owner))] ?? state.creditGrade;
  return { ...state, creditGrade: grade };
}

function created(write: EnterpriseWrite, province: Province): EnterpriseState {
  const owner = registeringJurisdictionOf(write.uscc, province);
  return {
    uscc: write.uscc,
    ...registrationOf(write),
    registeringJurisdiction: owner,
    registrationProvisional: owner !== province,
    creditGrade: write.creditGrade,
    creditGradeCq: province === "cq" ? write.creditGrade : null,
    creditGradeSc: province === "sc" ? write.creditGrade : null,
    version: owner === province ? write.version : 0,
    versionCq: province === "cq" ? write.version : null,
    versionSc: province === "sc" ? write.version : null,
  };
}

/** The stored state with a province's write laid over the fields that province may write. */
function provinceCandidate(stored: EnterpriseState, write: EnterpriseWrite, province: Province): EnterpriseState {
  const owns = stored.registeringJurisdiction === province;
  const next: EnterpriseState = {
    ...stored,
    [gradeKey(province)]: write.creditGrade,
    [versionKey(province)]: write.version,
    version: owns ? write.version : stored.version,
  };
  if (owns || stored.registrationProvisional) {
    Object.assign(next, registrationOf(write), { registrationProvisional: !owns });
  }
  return withCombinedGrade(next);
}

function correctionCandidate(stored: EnterpriseState, write: EnterpriseWrite): EnterpriseState {
  const owner = stored.registeringJurisdiction === "sc" ? "sc" : "cq";
  return withCombinedGrade({ ...stored, ...registrationOf(write), [gradeKey(owner)]: write.creditGrade });
}

export function reconcileEnterprise(
  stored: EnterpriseState | null,
  write: EnterpriseWrite,
  writer: Writer,
): Reconciled {
  if (stored === null) {
    if (writer === "gz") {
      return {
        outcome: "REFUSED",
        code: "NOT_FOUND",
        message: `No enterprise ${write.uscc} to correct: 管委会 corrects stored enterprises, a province creates them`,
      };
    }
    const state = created(write, writer);
    return { outcome: "APPLIED", state, changes: diffFields(null, state, ENTERPRISE_HISTORY_FIELDS) };
  }
  const correction = writer === "gz";
  const versionOwner: Province = correction
    ? stored.registeringJurisdiction === "sc"
      ? "sc"
      : "cq"
    : (writer as Province);
  const candidate = correction
    ? correctionCandidate(stored, write)
    : provinceCandidate(stored, write, writer as Province);
  const storedVersion = storedVersionOf(stored, versionOwner);
  const sameContent = sameFields(stored, candidate, CONTENT_FIELDS);
  return settleWrite({
    stored,
    storedVersion,
    candidate,
    incomingVersion: write.version,
    sameContent,
    correction,
    changes: (before, after) => diffFields(before, after, ENTERPRISE_HISTORY_FIELDS),
    aheadMessage: `A correction must name the stored version ${storedVersion} of ${versionOwner}, not ${write.version}`,
  });
}
