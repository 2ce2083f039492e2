/** Peer of `read-peers`: Apollo Server (standalone) serving the catalog from memory, jose verify per request. */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createJoseVerifier, keysDirFromEnv } from "./jose-verify.ts";
import { CATALOG_SDL, catalogResolvers } from "./memory-catalog.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const verify = await createJoseVerifier(keysDirFromEnv());
  const server = new ApolloServer({ typeDefs: CATALOG_SDL, resolvers: catalogResolvers, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ caller: await verify(req.headers.authorization) }),
  });
  return { url: new URL("/graphql", url).href, close: () => server.stop() };
});
