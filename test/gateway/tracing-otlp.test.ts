/**
 * With TRACING=true and no exporter of the test's own, spans go over OTLP/HTTP to the configured
 * endpoint (here a stand-in collector on a free port).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const received: Array<{ url: string | undefined; headers: IncomingHttpHeaders; bytes: number }> = [];
const collector = createServer((req, res) => {
  let bytes = 0;
  req.on("data", (chunk: Buffer) => (bytes += chunk.length));
  req.on("end", () => {
    received.push({ url: req.url, headers: req.headers, bytes });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
let t: TestGateway;
beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  t = await createTestGateway({
    env: { TRACING: "true", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces` },
  });
});
afterAll(async () => {
  await t.dispose();
  collector.close();
});

it("sends the spans of a request to the OTLP/HTTP endpoint", async () => {
  const result = await t.gql("query Officers { officers(first: 1) { edges { node { id } } } }", { as: "gz" });
  expect(result.errors).toBeUndefined();
  await t.tracing!.flush();
  expect(received.length).toBeGreaterThan(0);
  expect(received[0]).toMatchObject({ url: "/v1/traces" });
  expect(received[0]!.bytes).toBeGreaterThan(0);
});
