/**
 * The officers a team is drawn from (人员库), each with its load — joint tasks not cancelled in the
 * visit's Beijing year — and the declared conflicts (回避) with the enterprises concerned.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { Conflict, TeamOfficer } from "./rules/index.ts";

type Db = Prisma.TransactionClient;

/** `exceptTasks`: tasks being re-teamed, whose current members do not count as load. */
export async function officerPool(db: Db, year: number, exceptTasks: readonly string[] = []): Promise<TeamOfficer[]> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year, 11, 31));
  const [officers, loads] = [
    await db.officer.findMany({
      select: {
        certificateNumber: true,
        homeJurisdiction: true,
        status: true,
        certificateValidFrom: true,
        certificateValidTo: true,
        qualifiedDomains: true,
      },
    }),
    await db.$queryRaw<{ certificateNumber: string; load: number }[]>`
      SELECT o."certificateNumber", count(*)::int AS load
      FROM "TaskOfficer" o JOIN "InspectionTask" t ON t.id = o."taskId"
      WHERE t.state <> 'CANCELLED' AND t."visitFrom" BETWEEN ${from}::date AND ${to}::date
        AND NOT (t.id = ANY(${[...exceptTasks]}::text[]))
      GROUP BY o."certificateNumber"`,
  ];
  const loadOf = new Map(loads.map((l) => [l.certificateNumber, l.load]));
  return officers.map((o) => ({ ...o, load: loadOf.get(o.certificateNumber) ?? 0 }));
}

export async function conflictsWith(db: Db, usccs: readonly string[]): Promise<Conflict[]> {
  const rows = await db.officerConflict.findMany({
    where: { enterpriseUscc: { in: [...usccs] } },
    select: { certificateNumber: true, enterpriseUscc: true },
  });
  return rows.map((r) => ({ certificateNumber: r.certificateNumber, uscc: r.enterpriseUscc }));
}
