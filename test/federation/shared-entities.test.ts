/**
 * `_entities` on the shared subgraph (schema/federation/shared-entities.ts): many representations are
 * answered from one load per type, unknown keys are null, and the answer is the row the normal fields
 * read — so personal data is masked for the reader's jurisdiction as on every other path
 * (test/security/pii-masking.test.ts), and a token without `read` is refused.
 */
import { execute, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller, GatewayContext } from "../../gateway/context.ts";
import type { PrismaClient } from "../../gateway/db/client.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { sharedSubgraphSchema } from "../../schema/federation/shared-subgraph.ts";
import { maskIdNumber, maskPhone } from "../../schema/libraries/rules/mask.ts";
import { maskPersonalText } from "../../schema/libraries/rules/mask-personal-data.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

/** the reads of `model` the resolvers made, by method name */
function countingPrisma(prisma: PrismaClient, model: "enterprise" | "officer", calls: string[]): PrismaClient {
  return new Proxy(prisma, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== model) return value;
      return new Proxy(value as object, {
        get(delegate, method, r) {
          const fn = Reflect.get(delegate, method, r);
          if (typeof fn !== "function") return fn;
          return (...args: unknown[]) => {
            calls.push(String(method));
            return fn.apply(delegate, args);
          };
        },
      });
    },
  });
}

function contextOf(issuer: Jurisdiction | null, prisma: PrismaClient, scopes = ["read"]): GatewayContext {
  const caller: Caller | null = issuer && {
    issuer,
    subject: `${issuer}-tester`,
    scopes: new Set(scopes),
    jti: `jti-${Math.random()}`,
    expiresAt: Math.floor(Date.now() / 1000) + 600,
    dpop: null,
  };
  return {
    prisma,
    caller,
    now: new Date(),
    services: t.services,
    audit: {
      operationName: null,
      operationType: "query",
      documentHash: null,
      variablesHash: () => null,
      recordIds: new Set(),
      writtenInTransaction: false,
    },
    clientAddress: "127.0.0.1",
  };
}

const ENTERPRISES = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Enterprise { uscc name registeringJurisdiction legalRepresentative } }
}`);
const OFFICERS = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Officer { certificateNumber idNumber phone } }
}`);

async function entities(document: ReturnType<typeof parse>, representations: object[], context: GatewayContext) {
  const result = await execute({
    schema: sharedSubgraphSchema,
    document,
    variableValues: { representations },
    contextValue: context,
  });
  return result as { data?: { _entities: (Record<string, unknown> | null)[] } | null; errors?: readonly Error[] };
}

describe("_entities on the shared subgraph", () => {
  it("resolves enterprises by uscc in one load, masking the other province's personal data", async () => {
    const rows = await t.prisma.enterprise.findMany({ where: { registeringJurisdiction: "sc" }, take: 3 });
    expect(rows).toHaveLength(3);
    // personal data written into the 法定代表人 field: masked outside the registering province
    const written = "王五 身份证 510104199001011234 电话 13812345678";
    await t.prisma.enterprise.update({ where: { id: rows[0]!.id }, data: { legalRepresentative: written } });
    const representations = [
      ...rows.map((row) => ({ __typename: "Enterprise", uscc: row.uscc })),
      { __typename: "Enterprise", uscc: "91500000000000000X" },
    ];

    const cqCalls: string[] = [];
    const seenByCq = await entities(
      ENTERPRISES,
      representations,
      contextOf("cq", countingPrisma(t.prisma, "enterprise", cqCalls)),
    );
    expect(seenByCq.errors).toBeUndefined();
    expect(cqCalls).toEqual(["findMany"]);
    expect(seenByCq.data?._entities.map((e) => e?.uscc ?? null)).toEqual([...rows.map((r) => r.uscc), null]);
    expect(seenByCq.data?._entities[0]).toMatchObject({ registeringJurisdiction: "SC", name: rows[0]!.name });
    expect(seenByCq.data?._entities[0]?.legalRepresentative).toBe(maskPersonalText(written));
    expect(seenByCq.data?._entities[0]?.legalRepresentative).not.toContain("13812345678");

    const seenBySc = await entities(ENTERPRISES, representations.slice(0, 1), contextOf("sc", t.prisma));
    expect(seenBySc.data?._entities[0]?.legalRepresentative).toBe(written);
  });

  it("resolves officers by certificate number in one load, personal data masked outside the home province", async () => {
    const officers = await t.prisma.officer.findMany({ where: { homeJurisdiction: "sc" }, take: 4 });
    expect(officers.length).toBeGreaterThan(1);
    const calls: string[] = [];
    const seen = await entities(
      OFFICERS,
      officers.map((o) => ({ __typename: "Officer", certificateNumber: o.certificateNumber })),
      contextOf("cq", countingPrisma(t.prisma, "officer", calls)),
    );
    expect(seen.errors).toBeUndefined();
    expect(calls).toEqual(["findMany"]);
    expect(seen.data?._entities).toEqual(
      officers.map((o) => ({
        certificateNumber: o.certificateNumber,
        idNumber: o.idNumber === null ? null : maskIdNumber(o.idNumber),
        phone: o.phone === null ? null : maskPhone(o.phone),
      })),
    );
  });

  it("refuses a caller without `read`, whether or not the enterprise exists", async () => {
    const row = await t.prisma.enterprise.findFirstOrThrow();
    for (const uscc of [row.uscc, "91500000000000000X"]) {
      const refused = await entities(ENTERPRISES, [{ __typename: "Enterprise", uscc }], contextOf("cq", t.prisma, []));
      expect(refused.data?._entities).toEqual([null]);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    }
  });
});
