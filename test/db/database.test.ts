import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

const committedMigrations = readdirSync(new URL("../../prisma/migrations", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const domain = (code: string) => ({ code, name: "应急管理", nameEn: "Emergency management", sortOrder: 1 });
const item = (code: string) => ({
  code,
  name: "对生产经营单位未按规定开展安全生产教育和培训的处罚",
  kind: "PENALTY" as const,
  cqCode: `CQ-${code}`,
  cqName: "重庆目录名称",
  scCode: `SC-${code}`,
  scName: "四川目录名称",
  empowermentMode: "ENTRUSTED" as const,
  actingName: "广安市应急管理局",
  scope: "行政处罚权以及与其有关的行政检查、行政强制措施",
  originalDepartment: "应急管理局",
  empoweredFrom: new Date("2024-01-01"),
});

describe("test database", () => {
  it("is a database of its own, with every committed migration applied", async () => {
    const [current] = await t.prisma.$queryRaw<{ database: string }[]>`SELECT current_database() AS database`;
    if (t.db.kind === "postgres") {
      const database = current?.database;
      expect(database).toBe(t.name);
      expect(database).toMatch(/^gz_test_\d+_[0-9a-f]+$/);
    }
    const applied = await t.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`;
    expect(applied.map((row) => row.migration_name)).toEqual(committedMigrations);
    const tables = await t.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "Domain",
        "EnforcementItem",
        "Benchmark",
        "Officer",
        "Enterprise",
        "ChangeEvent",
        "AuditEntry",
      ]),
    );
    expect(await t.prisma.enforcementItem.count()).toBe(0);
  });

  it("round-trips an enforcement item with its domain", async () => {
    await t.prisma.domain.create({ data: { ...domain("YJ"), items: { create: [item("GZ-YJ-001")] } } });
    const read = await t.prisma.enforcementItem.findUniqueOrThrow({
      where: { scCode: "SC-GZ-YJ-001" },
      include: { domain: true },
    });
    expect(read).toMatchObject({
      code: "GZ-YJ-001",
      kind: "PENALTY",
      empowermentMode: "ENTRUSTED",
      illustrative: true,
    });
    expect(read.domain.name).toBe("应急管理");
    expect(read.empoweredFrom.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });

  it("numbers change events with an increasing BigInt sequence and keeps JSON payloads", async () => {
    const events = [];
    for (const entityId of ["a", "b", "c"]) {
      events.push(
        await t.prisma.changeEvent.create({
          data: {
            kind: "item.upserted",
            entityType: "EnforcementItem",
            entityId,
            payload: { entityId, fineFen: 500_000 },
          },
        }),
      );
    }
    const seqs = events.map((event) => event.seq);
    for (const seq of seqs) expect(typeof seq).toBe("bigint");
    expect(seqs[1]! > seqs[0]! && seqs[2]! > seqs[1]!).toBe(true);
    expect(events[2]!.payload).toEqual({ entityId: "c", fineFen: 500_000 });
  });

  it("stores Json as jsonb: a bigint inside becomes a string, and key order is not kept", async () => {
    const event = await t.prisma.changeEvent.create({
      data: { kind: "x", entityType: "t", entityId: "j", payload: { fen: 12n, zz: 1 } as never },
    });
    const read = await t.prisma.changeEvent.findUniqueOrThrow({ where: { seq: event.seq } });
    expect(read.payload).toEqual({ zz: 1, fen: "12" });
    expect(Object.keys(read.payload as object)).toEqual(["zz", "fen"]);
  });

  it("rejects a duplicate unique code with P2002", async () => {
    await t.prisma.domain.create({ data: domain("ST") });
    const duplicate = t.prisma.enforcementItem.create({
      data: { ...item("GZ-ST-002"), cqCode: "CQ-GZ-YJ-001", domainCode: "ST" },
    });
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
  });

  it("leaves nothing behind when an interactive transaction rolls back", async () => {
    const before = await t.prisma.changeEvent.count();
    const failing = t.prisma.$transaction(async (tx) => {
      await tx.domain.create({ data: domain("GH") });
      await tx.changeEvent.create({ data: { kind: "x", entityType: "Domain", entityId: "GH", payload: {} } });
      expect(await tx.domain.count({ where: { code: "GH" } })).toBe(1);
      throw new Error("abort");
    });
    await expect(failing).rejects.toThrow("abort");
    expect(await t.prisma.domain.count({ where: { code: "GH" } })).toBe(0);
    expect(await t.prisma.changeEvent.count()).toBe(before);
  });
});
