/**
 * The gateway as a yoga instance: schema, context, plugins. No listening socket here (server.ts),
 * so tests drive it in-process with `yoga.fetch`.
 */
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { schema } from "../schema/index.ts";
import type { Bus } from "./bus/index.ts";
import type { GatewayConfig } from "./config.ts";
import type { Caller, GatewayContext } from "./context.ts";
import type { Database } from "./db/client.ts";
import { useHealth } from "./plugins/use-health.ts";

export interface GatewayDeps {
  config: GatewayConfig;
  db: Database;
  bus: Bus;
  /** turns the Authorization header into a caller; throws a 401 GraphQLError for a bad token */
  authenticate: (authorization: string | null) => Promise<Caller | null>;
  /** injectable clock for tests */
  clock?: () => Date;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export function createGateway(deps: GatewayDeps): Gateway {
  const clock = deps.clock ?? (() => new Date());
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: deps.config.graphiql ? { title: "高竹新区执法数据网关 GraphiQL", defaultQuery: EXAMPLE_OPERATIONS } : false,
    maskedErrors: deps.config.env !== "development",
    logging: deps.config.logLevel === "silent" ? false : deps.config.logLevel,
    context: async ({ request }) => ({
      prisma: deps.db.prisma,
      caller: await deps.authenticate(request.headers.get("authorization")),
      now: clock(),
    }),
    plugins: [
      useHealth({ readiness: { database: () => deps.db.ping(), bus: () => deps.bus.ping() } }),
    ],
  });
}

export const EXAMPLE_OPERATIONS = `# 高竹新区执法数据网关 — example operations.
# Every request needs a token: run  npm run token -- --as gz  and paste it below, in Headers:
#   { "Authorization": "Bearer <token>" }

query Domains {
  domains { code name itemCount }
}

query ItemsOfADomain {
  items(domain: "EMERGENCY", first: 5) {
    totalCount
    edges { node { code cqCode scCode name kind } }
    pageInfo { hasNextPage endCursor }
  }
}

# any of the three codes finds the item: unified, Chongqing or Sichuan
query ItemWithBasesAndBenchmark {
  item(code: "GZ-001") {
    code name kind cqCode scCode
    legalBases { role lawName citation effectiveFrom effectiveTo verified }
    benchmark { version effectiveFrom tiers { level name conditionText fine { summary } } }
  }
}

query EnterprisesByGrade {
  enterprises(creditGrade: C, first: 10) { totalCount edges { node { uscc name park town creditGrade } } }
}

query Officers {
  officers(first: 30) { totalCount edges { node { certificateNumber name homeJurisdiction qualifiedDomains phone } } }
}
`;
