/** Chongqing officer / enterprise → the gateway's canonical library inputs (人员库 / 对象库). Pure, field by field. */
import { beijingDay } from "../../../schema/common/effective-dates.ts";
import { isoDay } from "../../../schema/libraries/rules/record-problem.ts";
import type { EnterpriseInput, OfficerInput } from "../../core/canonical.ts";
import type { CqEnterprise, CqOfficer } from "../types.ts";

/** an instant → its calendar day in Beijing time (Chongqing writes certificate days as instants) */
const beijingDayOf = (ms: number): string => isoDay(beijingDay(new Date(ms)));

export function cqOfficerToInput(officer: CqOfficer): OfficerInput {
  return {
    certificateNumber: officer.certNo,
    name: officer.name,
    version: officer.version,
    unit: officer.unit || null,
    status: officer.status,
    certificateValidFrom: beijingDayOf(officer.validFrom),
    certificateValidTo: beijingDayOf(officer.validUntil),
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
