/** 事项与基准: domains, items (any of the three codes), an item's legal bases and benchmark. */
import { graphql } from "../graphql.ts";

export const Domains = graphql(`
  query Domains { domains { code name itemCount } }
`);

export const Items = graphql(`
  query Items($domain: String, $search: String) {
    items(domain: $domain, search: $search, first: 100) {
      totalCount
      edges { node { code cqCode scCode name kind } }
    }
  }
`);

export const ItemDetail = graphql(`
  query ItemDetail($code: String!) {
    item(code: $code) {
      code name kind
      legalBases { role citation lawName lawVersion article clause subItem summary verified }
      benchmark {
        source version effectiveFrom effectiveTo violation illustrative note
        tiers { level name conditionText fine { summary } escalation { summary } responsiblePersonFine { summary } otherMeasures }
        lenientRules { list description citation }
      }
    }
  }
`);
