/** Baseline of `read`: bare graphql-yoga serving the catalog from memory — no auth, no audit, no database. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSchema, createYoga } from "graphql-yoga";
import { CATALOG_SDL, catalogResolvers } from "./memory-catalog.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: CATALOG_SDL, resolvers: catalogResolvers }),
    graphqlEndpoint: "/graphql",
    logging: false,
    graphiql: false,
    landingPage: false,
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
});
