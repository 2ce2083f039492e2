/** 人员与企业库: officers and enterprises, searchable; each one's history, an officer's dispatchability, expiring certificates. */
import { graphql } from "../graphql.ts";

const ChangeFields = graphql(`
  fragment ChangeFields on LibraryChange { id at writer subject version outcome changes { field from to } }
`);

export const Officers = graphql(`
  query Officers($name: String, $jurisdiction: Jurisdiction) {
    officers(name: $name, jurisdiction: $jurisdiction, first: 100) {
      totalCount
      edges { node { certificateNumber name homeJurisdiction qualifiedDomains status certificateValidTo } }
    }
  }
`);

export const Enterprises = graphql(`
  query Enterprises($search: String) {
    enterprises(search: $search, first: 100) {
      totalCount
      edges { node { uscc name park town creditGrade } }
    }
  }
`);

export const ExpiringCertificates = graphql(`
  query ExpiringCertificates($withinDays: Int) {
    expiringCertificates(withinDays: $withinDays, first: 100) {
      totalCount
      edges { node { certificateNumber name homeJurisdiction status certificateValidTo } }
    }
  }
`);

export const OfficerDetail = graphql(
  `
  query OfficerDetail($certificateNumber: String!, $asOf: Date, $domains: [String!]) {
    officer(certificateNumber: $certificateNumber) {
      certificateNumber name status certificateValidFrom certificateValidTo qualifiedDomains
      dispatchability(asOf: $asOf, domains: $domains) { dispatchable reasons reasonCodes }
      history(first: 50) { totalCount edges { node { ...ChangeFields } } }
    }
  }
`,
  [ChangeFields],
);

export const EnterpriseDetail = graphql(
  `
  query EnterpriseDetail($uscc: String!) {
    enterprise(uscc: $uscc) {
      uscc name
      history(first: 50) { totalCount edges { node { ...ChangeFields } } }
    }
  }
`,
  [ChangeFields],
);

export { ChangeFields };
