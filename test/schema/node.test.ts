/**
 * Relay's `Node`: global ids round-trip through `node(id:)` / `nodes(ids:)`, with the same rights as the
 * field that lists each type — refused where it refuses, null where it would not show the object,
 * personal data masked the same — and a string the API did not issue is BAD_USER_INPUT / BAD_GLOBAL_ID.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId, typesWithNodeAccess } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
let scQuarantineId: string;
beforeAll(async () => {
  t = await createTestGateway();
  const { data } = await ingest(t, "sc", { records: [inspection("SC-NODE-1", { enterpriseUscc: "BAD" })] });
  scQuarantineId = data?.ingestRecords.results[0]?.quarantineId as string;
});
afterAll(() => t.dispose());

type Officer = { id: string; certificateNumber: string; idNumber: string | null; homeJurisdiction: string };
const OFFICER_FIELDS = "id certificateNumber idNumber homeJurisdiction";
const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Officer { ${OFFICER_FIELDS} } } }`;

async function firstOfficer(as: "cq" | "sc" | "gz", jurisdiction: "CQ" | "SC"): Promise<Officer> {
  const { data } = await t.gql<{ officers: { edges: Array<{ node: Officer }> } }>(
    `query($j: Jurisdiction) { officers(first: 1, jurisdiction: $j) { edges { node { ${OFFICER_FIELDS} } } } }`,
    { as, variables: { j: jurisdiction } },
  );
  const officer = data?.officers.edges[0]?.node;
  if (!officer) throw new Error("the seed has no officer");
  return officer;
}

describe("global ids", () => {
  it("are base64 of <Type>:<key> and read the same object again through node", async () => {
    const officer = await firstOfficer("cq", "CQ");
    const stored = await t.prisma.officer.findUniqueOrThrow({
      where: { certificateNumber: officer.certificateNumber },
    });
    expect(officer.id).toBe(encodeGlobalId("Officer", stored.id));
    const { data, errors } = await t.gql<{ node: Officer & { __typename: string } }>(NODE, {
      as: "cq",
      variables: { id: officer.id },
    });
    expect(errors).toBeUndefined();
    expect(data?.node).toEqual({ __typename: "Officer", ...officer });
  });

  it("answer nodes in the order asked, null for an id of nothing", async () => {
    const cq = await firstOfficer("gz", "CQ");
    const sc = await firstOfficer("gz", "SC");
    const gone = encodeGlobalId("Officer", "00000000-0000-0000-0000-000000000000");
    const { data, errors } = await t.gql<{ nodes: Array<{ id: string } | null> }>(
      "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { as: "gz", variables: { ids: [sc.id, gone, cq.id] } },
    );
    expect(errors).toBeUndefined();
    expect(data?.nodes).toEqual([{ id: sc.id }, null, { id: cq.id }]);
  });

  it("are what argument ids take (officer(id:))", async () => {
    const officer = await firstOfficer("sc", "SC");
    const { data } = await t.gql<{ officer: { certificateNumber: string } }>(
      "query($id: ID) { officer(id: $id) { certificateNumber } }",
      { as: "sc", variables: { id: officer.id } },
    );
    expect(data?.officer.certificateNumber).toBe(officer.certificateNumber);
  });

  it("exist for every Node type with an access rule, and only for them", async () => {
    const { data } = await t.gql<{ __type: { possibleTypes: Array<{ name: string }> } }>(
      '{ __type(name: "Node") { possibleTypes { name } } }',
      { as: "gz" },
    );
    expect(data?.__type.possibleTypes.map((type) => type.name).sort()).toEqual(typesWithNodeAccess().sort());
  });
});

describe("access through node is that of the direct field", () => {
  it("masks another province's personal data exactly as officers does", async () => {
    const seenInList = await firstOfficer("sc", "CQ");
    expect(seenInList.idNumber).toMatch(/\*/);
    const { data } = await t.gql<{ node: Officer }>(NODE, { as: "sc", variables: { id: seenInList.id } });
    expect(data?.node.idNumber).toBe(seenInList.idNumber);
  });

  it("hides another province's quarantined record (null), as quarantine does; its own province and gz see it", async () => {
    expect(scQuarantineId).toBeTruthy();
    const QUARANTINED = `query($id: ID!) { node(id: $id) { id ... on QuarantinedRecord { origin code } } }`;
    const listedForCq = await t.gql<{ quarantine: { edges: Array<{ node: { id: string } }> } }>(
      "{ quarantine(first: 100) { edges { node { id } } } }",
      { as: "cq" },
    );
    expect(listedForCq.data?.quarantine.edges.map((e) => e.node.id)).not.toContain(scQuarantineId);
    const cq = await t.gql<{ node: unknown }>(QUARANTINED, { as: "cq", variables: { id: scQuarantineId } });
    expect(cq.errors).toBeUndefined();
    expect(cq.data?.node).toBeNull();
    for (const reader of ["sc", "gz"] as const) {
      const seen = await t.gql<{ node: { origin: string; code: string } }>(QUARANTINED, {
        as: reader,
        variables: { id: scQuarantineId },
      });
      expect(seen.data?.node).toMatchObject({ origin: "SC", code: "BAD_USCC" });
    }
  });

  it("refuses an audit entry to a province with FORBIDDEN, as auditTrail does", async () => {
    await t.services.auditLog.flush();
    const entry = await t.prisma.auditEntry.findFirstOrThrow();
    const id = encodeGlobalId("AuditEntry", entry.seq);
    const direct = await t.gql("{ auditTrail(first: 1) { totalCount } }", { as: "cq" });
    const viaNode = await t.gql("query($id: ID!) { node(id: $id) { id } }", { as: "cq", variables: { id } });
    expect(direct.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(viaNode.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const gz = await t.gql<{ node: { id: string; seq: string } }>(
      "query($id: ID!) { node(id: $id) { id ... on AuditEntry { seq } } }",
      { as: "gz", scopes: ["read", "audit:read"], variables: { id } },
    );
    expect(gz.data?.node).toEqual({ id, seq: String(entry.seq) });
  });

  it("asks for a token where the direct field does", async () => {
    const officer = await firstOfficer("cq", "CQ");
    const { status, errors } = await t.gql(NODE, { variables: { id: officer.id } });
    expect(status).toBe(401);
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses one id of nodes at its position, without failing the others", async () => {
    await t.services.auditLog.flush();
    const entry = await t.prisma.auditEntry.findFirstOrThrow();
    const officer = await firstOfficer("cq", "CQ");
    const { data, errors } = await t.gql<{ nodes: Array<{ id: string } | null> }>(
      "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { as: "cq", variables: { ids: [officer.id, encodeGlobalId("AuditEntry", entry.seq)] } },
    );
    expect(data?.nodes).toEqual([{ id: officer.id }, null]);
    expect(errors?.[0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "FORBIDDEN" } });
  });
});

describe("ids the API did not issue", () => {
  it.each([
    ["not base64 at all", "%%%"],
    ["base64 without a type", Buffer.from("12345").toString("base64")],
    ["a type that is not a Node", encodeGlobalId("Domain", "EMERGENCY")],
    ["a type that does not exist", encodeGlobalId("Secret", "1")],
    ["an audit entry key that is not a number", encodeGlobalId("AuditEntry", "x")],
  ])("refuses %s with BAD_USER_INPUT BAD_GLOBAL_ID", async (_what, id) => {
    const { status, errors } = await t.gql("query($id: ID!) { node(id: $id) { id } }", {
      as: "gz",
      scopes: ["read", "audit:read"],
      variables: { id },
    });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_GLOBAL_ID" });
  });

  it("refuses an argument id of another type with BAD_GLOBAL_ID", async () => {
    const { data } = await t.gql<{ enterprises: { edges: Array<{ node: { id: string } }> } }>(
      "{ enterprises(first: 1) { edges { node { id } } } }",
      { as: "cq" },
    );
    const { errors } = await t.gql("query($id: ID) { officer(id: $id) { name } }", {
      as: "cq",
      variables: { id: data?.enterprises.edges[0]?.node.id },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_GLOBAL_ID" });
  });

  it("refuses more than 100 ids in nodes with PAGE_SIZE_OUT_OF_RANGE", async () => {
    const ids = Array.from({ length: 101 }, (_v, i) => encodeGlobalId("Officer", String(i)));
    const { errors } = await t.gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {
      as: "gz",
      variables: { ids },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PAGE_SIZE_OUT_OF_RANGE" });
  });
});
