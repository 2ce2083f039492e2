/** 人员与企业库: officers and enterprises, searchable. */
import { graphql } from "../graphql.ts";

export const Officers = graphql(`
  query Officers($name: String, $jurisdiction: Jurisdiction) {
    officers(name: $name, jurisdiction: $jurisdiction, first: 100) {
      totalCount
      edges { node { certificateNumber name homeJurisdiction qualifiedDomains } }
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
