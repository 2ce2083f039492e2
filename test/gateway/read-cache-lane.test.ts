/**
 * The read lane (gateway/read-cache/read-cache-lane.ts): over HTTP, a repeated catalog read (and a prepared query:
 * test/gateway/prepared-queries-lane.test.ts) is answered before yoga with yoga's own answer — bytes, status, headers — and with everything yoga does for it: the token checked,
 * the same audit entry stored before the answer, the request's log line and metrics. Anything that is not plainly a
 * hit is handed to yoga untouched, which answers it as before. The lane never calls `authenticate` (yoga's context
 * does): that is how these tests tell who answered.
 */
import { describe, expect, it, vi } from "vitest";
import { hashVariables } from "../../gateway/audit/chain.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import type { RequestLine } from "../../gateway/plugins/use-request-report.ts";
import {
  type Answer,
  auditEntriesOf,
  failNextAuditWrite,
  keptLog,
  postOver,
  servedGateway,
  yogaAnswerOf,
} from "../support/served-gateway.ts";

const READ = {
  query:
    'query Catalog($d: String) { items(domain: $d, first: 3) { edges { node { code name } } } item(code: "GZ-002") { code } }',
  variables: { d: null },
};
/** a query the read cache does not keep: the lane executes it once yoga has */
const MATCH = {
  query: "query($input: MatchDiscretionInput!) { matchDiscretion(input: $input) { outcome citations } }",
  variables: { input: { itemCode: "GZ-041", actDate: "2026-08-20", decisionDate: "2026-09-01" } },
};

describe.each([
  ["federated", {}],
  ["the shared schema alone", { FEDERATION: "false" }],
])("the read lane (%s)", (_name, env) => {
  const served = servedGateway({ env });

  // yoga's answer: in process, where there is no lane (it fills the cache and prepares the document the first time)
  it.each([
    ["a repeated catalog read (the read cache)", READ],
    ["a prepared query (executed by the lane)", MATCH],
  ])("answers %s with yoga's own answer, for every Accept it takes, without going to yoga", async (_kind, body) => {
    const authorization = `Bearer ${await served.t.token("cq")}`;
    const accepts = [
      undefined,
      "*/*",
      "application/json",
      "application/graphql-response+json",
      "application/graphql-response+json, application/json",
    ];
    for (const accept of accepts) {
      const headers = { authorization, ...(accept === undefined ? {} : { accept }) };
      const fromYoga = await yogaAnswerOf(served.t, body, headers);
      const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
      const fromLane = await postOver(served.server, body, headers);
      expect(authenticate, `Accept: ${accept}`).not.toHaveBeenCalled();
      expect(fromLane.status).toBe(fromYoga.status);
      expect(fromLane.body).toBe(fromYoga.body);
      expect(fromLane.headers["content-type"], `Accept: ${accept}`).toBe(fromYoga.headers["content-type"]);
      expect(fromLane.headers["content-length"]).toBe(fromYoga.headers["content-length"]);
      authenticate.mockRestore();
    }
    const answer = JSON.parse((await postOver(served.server, body, { authorization })).body);
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data).every((value) => value !== null)).toBe(true);
  });
});

describe("the read lane does what yoga does for the request", () => {
  const { logger, lines } = keptLog();
  const served = servedGateway({ logger });

  const auditOf = (subject: string) => auditEntriesOf(served.t, subject);

  // the operation's name is the document's own when the client sends none (here: none in the document either)
  it.each([
    [
      "a hit of the read cache",
      "sc-lane-1",
      { query: READ.query.replace("query Catalog", "query"), variables: READ.variables },
    ],
    ["a prepared query (executed by the lane)", "sc-lane-5", MATCH],
  ])(
    "%s: stores the same audit entry as yoga, before it answers; logs the request and counts it",
    async (_kind, subject, anonymous) => {
      const authorization = `Bearer ${await served.t.token("sc", { subject })}`;
      await postOver(served.server, anonymous, { authorization }); // yoga executes it (keeps the answer, prepares it)
      const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
      const observe = vi.spyOn(served.t.services.metrics, "observeRequest");
      const requestId = `lane-trace.${subject}`;
      const hit = await postOver(served.server, anonymous, { authorization, "x-request-id": requestId });
      expect(authenticate).not.toHaveBeenCalled();
      expect(hit.status).toBe(200);
      expect(hit.headers["x-request-id"]).toBe(requestId);
      // stored by the time the answer arrived: the lane awaits the durable write, as yoga does
      const [byYoga, byLane] = await auditOf(subject);
      expect(byLane).toEqual(byYoga);
      // the variables' hash, worked out when the entry's batch was written (RequestAudit.variablesHash)
      expect(byLane?.variablesHash).toBe(hashVariables(anonymous.variables));
      expect(byLane).toMatchObject({ issuer: "sc", operationType: "query", outcome: "OK", operationName: null });
      expect(observe).toHaveBeenCalledWith("query", 200, expect.any(Number), []);
      const line = lines.map((l) => JSON.parse(l) as RequestLine).find((l) => l.requestId === requestId);
      expect(line).toMatchObject({
        method: "POST",
        path: "/graphql",
        status: 200,
        issuer: "sc",
        subject,
        operationType: "query",
      });
    },
  );

  it("hands on what is not plainly a hit, and yoga answers it as it would", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-lane-2" })}`;
    await postOver(served.server, READ, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const key = await loadPrivateKey(served.t.keys.dir, "cq");
    const expiredToken = await signToken({
      ...{ privateKey: key.key, kid: key.kid, alg: key.alg, issuer: "cq", audience: served.t.config.auth.audience },
      subject: "cq-lane-2",
      ttlSeconds: 30,
      now: Date.now() - 120_000,
    });
    const expired = `Bearer ${expiredToken}`;
    const cases: Array<[string, () => Promise<Answer>, number]> = [
      ["an expired token", () => postOver(served.server, READ, { authorization: expired }), 401],
      [
        "a token of other scopes (another key)",
        async () => {
          const narrow = `Bearer ${await served.t.token("cq", { subject: "cq-lane-2", scopes: ["read"] })}`;
          return postOver(served.server, READ, { authorization: narrow });
        },
        200,
      ],
      [
        "an Origin (CORS is yoga's)",
        () => postOver(served.server, READ, { authorization, origin: "http://intranet.test" }),
        200,
      ],
      [
        "an Accept the lane does not know",
        () => postOver(served.server, READ, { authorization, accept: "text/html" }),
        406,
      ],
      ["a batch", () => postOver(served.server, [READ], { authorization }), 200],
      ["extensions", () => postOver(served.server, { ...READ, extensions: {} }, { authorization }), 200],
      ["a token without a scheme", () => postOver(served.server, READ, { authorization: "not-a-token" }), 401],
    ];
    for (const [name, send, status] of cases) {
      authenticate.mockClear();
      const answer = await send();
      expect(answer.status, name).toBe(status);
      // a 406 is decided before yoga builds the context (the lane never answers anything but 200)
      if (status !== 406) expect(authenticate, name).toHaveBeenCalled();
    }
    // the expired token's refusal is audited, as yoga audits it (no caller: the token did not verify)
    expect(await served.t.prisma.auditEntry.count({ where: { errorCode: "TOKEN_EXPIRED", outcome: "REFUSED" } })).toBe(
      1,
    );
  });

  it("misses after a catalog change, and answers again once yoga has the new answer", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-lane-3" })}`;
    await postOver(served.server, READ, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    await postOver(served.server, READ, { authorization });
    expect(authenticate).not.toHaveBeenCalled();
    served.t.services.catalog.invalidate();
    await postOver(served.server, READ, { authorization });
    expect(authenticate).toHaveBeenCalledTimes(1);
    await postOver(served.server, READ, { authorization });
    expect(authenticate).toHaveBeenCalledTimes(1);
  });

  it("an audit write that fails is handed to yoga, which writes it: one entry, one answer", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-lane-4" })}`;
    await postOver(served.server, READ, { authorization });
    const before = (await auditOf("cq-lane-4")).length;
    const appendSpy = failNextAuditWrite(served.t);
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const answer = await postOver(served.server, READ, { authorization });
    expect(answer.status).toBe(200);
    expect(appendSpy).toHaveBeenCalledTimes(2);
    expect(authenticate).toHaveBeenCalled();
    expect((await auditOf("cq-lane-4")).length).toBe(before + 1);
  });
});
