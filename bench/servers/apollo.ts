/**
 * Peer of `read-peers`: Apollo Server (standalone) at its best, as its documentation recommends for a hot read
 * path — the full response cache plugin (@apollo/server-plugin-response-cache, in memory) with static
 * `@cacheControl` hints on the two catalog fields the gateway caches (`items`, `item`; the object types below them
 * inherit the hint), and the gateway's verified-token cache (./jose-verify.ts). The catalog is served from memory.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { createJoseVerifier, keysDirFromEnv } from "./jose-verify.ts";
import { CATALOG_CACHE_SECONDS, catalogResolvers, catalogSdl } from "./memory-catalog.ts";
import { serveAsChild } from "./protocol.ts";

/** the directive as Apollo's caching documentation declares it in a schema */
const CACHE_CONTROL_DIRECTIVE = /* GraphQL */ `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION`;

serveAsChild(async () => {
  const verify = await createJoseVerifier(keysDirFromEnv());
  const typeDefs = catalogSdl({
    prelude: CACHE_CONTROL_DIRECTIVE,
    rootFields: `@cacheControl(maxAge: ${CATALOG_CACHE_SECONDS})`,
    types: "@cacheControl(inheritMaxAge: true)",
  });
  const server = new ApolloServer({
    typeDefs,
    resolvers: catalogResolvers,
    introspection: false,
    plugins: [responseCachePlugin()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ caller: await verify(req.headers.authorization) }),
  });
  return { url: new URL("/graphql", url).href, close: () => server.stop() };
});
