/**
 * The catalog read of the `read` scenarios, served from memory by the baselines and peers: the same seed items
 * the gateway serves from its database (empowered today, ordered by code), behind an SDL with the same shape as
 * the gateway's schema for this query — so that every server returns the same bytes.
 */
import { items } from "../../prisma/seed/data/catalog.ts";

export const READ_QUERY =
  'query($d:String){ items(domain:$d, first: 50){ edges { node { code name kind cqCode scCode } } } item(code:"GZ-001"){ code name } }';

/**
 * The catalog's SDL; a peer configured at its best (Apollo's cache hints) may add a directive to the two root
 * fields and to the object types below them — the shape and the answers stay the same.
 */
export function catalogSdl(annotations: { rootFields?: string; types?: string; prelude?: string } = {}): string {
  const field = annotations.rootFields ? ` ${annotations.rootFields}` : "";
  const type = annotations.types ? ` ${annotations.types}` : "";
  return /* GraphQL */ `
  ${annotations.prelude ?? ""}
  enum ItemKind { PENALTY INSPECTION COERCION }
  type EnforcementItem${type} { code: String! name: String! kind: ItemKind! cqCode: String! scCode: String! }
  type PageInfo${type} { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type EnforcementItemEdge${type} { cursor: String! node: EnforcementItem! }
  type EnforcementItemConnection${type} { edges: [EnforcementItemEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Query {
    items(domain: String, first: Int, after: String): EnforcementItemConnection!${field}
    item(code: String!): EnforcementItem${field}
  }
`;
}

export const CATALOG_SDL = catalogSdl();

/** How long a peer may keep a catalog answer: the catalog changes by day (empowerment dates), not by request. */
export const CATALOG_CACHE_SECONDS = 60;

interface MemoryItem {
  code: string;
  name: string;
  kind: string;
  cqCode: string;
  scCode: string;
  domainCode: string;
}

/** Today in Beijing, YYYY-MM-DD (items are empowered by calendar day, like the gateway's `asOf`). */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function empoweredToday(): MemoryItem[] {
  const today = beijingToday();
  return items
    .filter((i) => i.empoweredFrom <= today && (i.empoweredTo === null || today <= i.empoweredTo))
    .map(({ code, name, kind, cqCode, scCode, domainCode }) => ({ code, name, kind, cqCode, scCode, domainCode }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const ALL = empoweredToday();

export const catalogResolvers = {
  Query: {
    items: (_root: unknown, args: { domain?: string | null; first?: number | null }) => {
      const matching = args.domain ? ALL.filter((i) => i.domainCode === args.domain) : ALL;
      const page = matching.slice(0, args.first ?? 100);
      return {
        edges: page.map((node) => ({ cursor: node.code, node })),
        pageInfo: {
          hasNextPage: matching.length > page.length,
          hasPreviousPage: false,
          startCursor: page[0]?.code ?? null,
          endCursor: page.at(-1)?.code ?? null,
        },
        totalCount: matching.length,
      };
    },
    item: (_root: unknown, args: { code: string }) =>
      ALL.find((i) => i.code === args.code || i.cqCode === args.code || i.scCode === args.code) ?? null,
  },
};
