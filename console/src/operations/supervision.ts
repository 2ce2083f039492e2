/** 监督指标: the indicators of a period, one indicator's monthly trend, and the records behind one. */
import { graphql } from "../graphql.ts";

export const SupervisionIndicators = graphql(`
  query SupervisionIndicators($from: Date!, $to: Date!, $jurisdiction: Jurisdiction) {
    supervisionIndicators(from: $from, to: $to, jurisdiction: $jurisdiction) {
      code name definition unit value numerator denominator status p90
      target { comparison value description }
      previous { from to value }
      breakdown { dimension key label value }
    }
  }
`);

export const SupervisionTrend = graphql(`
  query SupervisionTrend($code: SupervisionIndicatorCode!, $from: Date!, $to: Date!, $jurisdiction: Jurisdiction) {
    supervisionTrend(code: $code, from: $from, to: $to, jurisdiction: $jurisdiction) { from to value }
  }
`);

export const IndicatorRecords = graphql(`
  query IndicatorRecords(
    $code: SupervisionIndicatorCode!
    $from: Date!
    $to: Date!
    $jurisdiction: Jurisdiction
    $after: String
  ) {
    supervisionIndicators(from: $from, to: $to, jurisdiction: $jurisdiction, codes: [$code]) {
      records(first: 20, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id origin kind itemCode enterpriseUscc occurredAt result } }
      }
    }
  }
`);
