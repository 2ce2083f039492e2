/** Chongqing officer / enterprise → the gateway's canonical library inputs (人员库 / 对象库). Pure, field by field. */
import type { EnterpriseInput, OfficerInput } from "../../core/canonical.ts";
import type { CqEnterprise, CqOfficer } from "../types.ts";

/** an instant → its calendar day in Beijing time (Chongqing writes certificate days as instants) */
const beijingDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

export function cqOfficerToInput(officer: CqOfficer): OfficerInput {
  return {
    certificateNumber: officer.certNo,
    name: officer.name,
    version: officer.version,
    unit: officer.unit || null,
    status: officer.status,
    certificateValidFrom: beijingDay(officer.validFrom),
    certificateValidTo: beijingDay(officer.validUntil),
    qualifiedDomains: [...officer.domains],
    idNumber: officer.idCardNo || null,
    phone: officer.mobile || null,
  };
}

export function cqEnterpriseToInput(enterprise: CqEnterprise): EnterpriseInput {
  return {
    uscc: enterprise.creditCode,
    name: enterprise.name,
    version: enterprise.version,
    divisionCode: enterprise.divisionCode || null,
    industry: enterprise.industry || null,
    creditGrade: enterprise.creditGrade,
    legalRepresentative: enterprise.legalRepresentative || null,
    address: enterprise.address || null,
  };
}
