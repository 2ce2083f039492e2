/** Sichuan officer / enterprise → the gateway's canonical library inputs (人员库 / 对象库). Pure, field by field. */
import type { EnterpriseInput, OfficerInput } from "../../core/canonical.ts";
import { SC_OFFICER_STATUSES, type ScEnterprise, type ScOfficer } from "../types.ts";

export function scOfficerToInput(officer: ScOfficer): OfficerInput {
  return {
    certificateNumber: officer.cert_no,
    name: officer.name,
    version: officer.rev,
    unit: officer.unit || null,
    status: SC_OFFICER_STATUSES[officer.status],
    certificateValidFrom: officer.valid_from,
    certificateValidTo: officer.valid_until,
    qualifiedDomains: [...officer.domains],
    idNumber: officer.id_card_no || null,
    phone: officer.phone || null,
  };
}

export function scEnterpriseToInput(enterprise: ScEnterprise): EnterpriseInput {
  return {
    uscc: enterprise.uscc,
    name: enterprise.name,
    version: enterprise.rev,
    divisionCode: enterprise.division_code || null,
    industry: enterprise.industry || null,
    creditGrade: enterprise.credit_grade,
    legalRepresentative: enterprise.legal_person || null,
    address: enterprise.address || null,
  };
}
