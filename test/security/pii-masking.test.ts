/**
 * Personal data of officers (ID number, phone, home address) over HTTP, with the seed officers:
 * each province sees its own in clear and the other's masked (互认 shares records, not personal
 * data); the committee sees both masked unless its token names `pii:read`.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { encodeGlobalId } from "../../schema/common/node-access.ts";
import { maskAddress, maskIdNumber, maskPhone } from "../../schema/libraries/rules/mask.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

interface PersonalData {
  id: string;
  idNumber: string | null;
  phone: string | null;
  homeAddress: string | null;
}

const OFFICERS = `query Officers($jurisdiction: Jurisdiction) {
  officers(jurisdiction: $jurisdiction, first: 50) { edges { node { id idNumber phone homeAddress } } }
}`;

async function officersSeenBy(reader: Jurisdiction, home: "cq" | "sc", scopes?: string[]): Promise<PersonalData[]> {
  const result = await t.gql<{ officers: { edges: Array<{ node: PersonalData }> } }>(OFFICERS, {
    as: reader,
    scopes,
    variables: { jurisdiction: home.toUpperCase() },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.officers.edges.map((e) => e.node);
}

async function storedOfficers(home: "cq" | "sc"): Promise<Map<string, PersonalData>> {
  const rows = await t.prisma.officer.findMany({ where: { homeJurisdiction: home } });
  return new Map(
    rows.map((o) => [
      encodeGlobalId("Officer", o.id),
      { id: encodeGlobalId("Officer", o.id), idNumber: o.idNumber, phone: o.phone, homeAddress: o.homeAddress },
    ]),
  );
}

async function expectMasked(seen: PersonalData[], home: "cq" | "sc") {
  const stored = await storedOfficers(home);
  expect(seen).toHaveLength(stored.size);
  expect(seen.length).toBeGreaterThan(0);
  for (const officer of seen) {
    const raw = stored.get(officer.id)!;
    expect(officer.idNumber).toBe(maskIdNumber(raw.idNumber));
    expect(officer.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(officer.phone).toBe(maskPhone(raw.phone));
    expect(officer.phone).not.toBe(raw.phone);
    expect(officer.homeAddress).toBe(maskAddress(raw.homeAddress));
    if (raw.homeAddress) expect(officer.homeAddress).not.toBe(raw.homeAddress);
  }
}

async function expectClear(seen: PersonalData[], home: "cq" | "sc") {
  const stored = await storedOfficers(home);
  expect(seen).toHaveLength(stored.size);
  for (const officer of seen) expect(officer).toEqual(stored.get(officer.id));
}

describe("personal data of officers", () => {
  it("cq sees Sichuan's officers masked and its own in clear", async () => {
    await expectMasked(await officersSeenBy("cq", "sc"), "sc");
    await expectClear(await officersSeenBy("cq", "cq"), "cq");
  });

  it("sc sees Chongqing's officers masked and its own in clear", async () => {
    await expectMasked(await officersSeenBy("sc", "cq"), "cq");
    await expectClear(await officersSeenBy("sc", "sc"), "sc");
  });

  it("gz without pii:read sees both provinces masked", async () => {
    await expectMasked(await officersSeenBy("gz", "cq"), "cq");
    await expectMasked(await officersSeenBy("gz", "sc"), "sc");
  });

  it("gz with pii:read sees both in clear", async () => {
    await expectClear(await officersSeenBy("gz", "cq", ["pii:read"]), "cq");
    await expectClear(await officersSeenBy("gz", "sc", ["pii:read"]), "sc");
  });

  it("a province naming pii:read in its own token still sees the other side masked", async () => {
    await expectMasked(await officersSeenBy("cq", "sc", ["read", "pii:read"]), "sc");
  });

  it("one officer by id is masked the same way", async () => {
    const officer = await t.prisma.officer.findFirstOrThrow({ where: { homeJurisdiction: "sc" } });
    const result = await t.gql<{ officer: PersonalData }>(
      `{ officer(id: "${encodeGlobalId("Officer", officer.id)}") { id idNumber phone } }`,
      {
        as: "cq",
      },
    );
    expect(result.data!.officer.idNumber).toBe(maskIdNumber(officer.idNumber));
    expect(result.data!.officer.phone).toBe(maskPhone(officer.phone));
  });
});
