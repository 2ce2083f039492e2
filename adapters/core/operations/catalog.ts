/** The shared catalog's item codes, as an adapter maps them (adapters/core/catalog.ts). */
import { graphql } from "./graphql.ts";

export const ITEM_CODES = graphql(`
  query ItemCodes($after: String) {
    items(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code cqCode scCode } }
    }
  }
`);
