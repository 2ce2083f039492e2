/**
 * From a revealed draw to joint tasks (issue 7 §2–§3), inside the reveal's transaction:
 * - 综合查一次: a selected enterprise that already has a PLANNED task whose window overlaps the plan's
 *   gets this plan's items added to that task (one visit), not a second task;
 * - the yearly cap: a new visit that would take an enterprise past the plan's cap this year is not
 *   planned (the draw already excluded those at the cap when it froze its candidates);
 * - teams: `formTeams` over all of them in USCC order, each with its reproducible team seed; a task
 *   with no valid team is still planned, with the reasons, and cannot be dispatched until re-teamed.
 */
import { randomUUID } from "node:crypto";
import { type InspectionPlan, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { visitsSince } from "./candidate-source.ts";
import { conflictsWith, officerPool } from "./officer-pool.ts";
import { applyYearlyCap, formTeams, type JointVisit, type TeamOutcome, teamSeed } from "./rules/index.ts";

type Db = Prisma.TransactionClient;

export interface PlanTasksInput {
  plan: InspectionPlan;
  drawId: string;
  seed: string;
  selected: readonly { uscc: string; name: string }[];
  now: Date;
}

interface TaskDraft {
  id?: string;
  uscc: string;
  name: string;
  itemCodes: string[];
  domains: string[];
  visitFrom: Date;
  visitTo: Date;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

async function mergeable(db: Db, plan: InspectionPlan, usccs: readonly string[]) {
  const tasks = await db.inspectionTask.findMany({
    where: {
      enterpriseUscc: { in: [...usccs] },
      state: "PLANNED",
      visitFrom: { lte: plan.visitTo },
      visitTo: { gte: plan.visitFrom },
    },
    orderBy: { visitFrom: "asc" },
  });
  const byUscc = new Map<string, (typeof tasks)[number]>();
  for (const task of tasks) if (!byUscc.has(task.enterpriseUscc)) byUscc.set(task.enterpriseUscc, task);
  return byUscc;
}

function asVisit(draft: TaskDraft): JointVisit {
  return {
    uscc: draft.uscc,
    windowKey: "plan",
    from: draft.visitFrom,
    to: draft.visitTo,
    itemCodes: draft.itemCodes,
    domains: draft.domains,
    earliestDueOn: draft.visitFrom,
  };
}

/** New visits within the yearly cap, and the USCCs refused for it. */
async function withinCap(db: Db, plan: InspectionPlan, drafts: TaskDraft[]) {
  const year = plan.visitFrom.getUTCFullYear();
  const done = await visitsSince(db, new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31)));
  const { kept, overCap } = applyYearlyCap(drafts.map(asVisit), done, { cap: plan.yearlyCap });
  const keptUscc = new Set(kept.map((v) => v.uscc));
  return { kept: drafts.filter((d) => keptUscc.has(d.uscc)), overCap: overCap.map((o) => o.visit.uscc) };
}

const teamProblemsOf = (outcome: TeamOutcome) =>
  outcome.ok ? Prisma.DbNull : (outcome.reasons as unknown as Prisma.InputJsonValue);

const teamRows = (taskId: string, outcome: TeamOutcome) =>
  (outcome.ok ? outcome.members : []).map((m, i) => ({
    taskId,
    certificateNumber: m.certificateNumber,
    homeJurisdiction: m.homeJurisdiction,
    pick: i + 1,
  }));

/** An existing task that takes the plan's items (综合查一次): new items and domains, re-formed team. */
async function updateMerged(db: Db, draft: TaskDraft & { id: string }, outcome: TeamOutcome): Promise<void> {
  await db.inspectionTask.update({
    where: { id: draft.id },
    data: {
      itemCodes: draft.itemCodes,
      domains: draft.domains,
      teamProblems: teamProblemsOf(outcome),
      version: { increment: 1 },
    },
  });
  await db.taskOfficer.deleteMany({ where: { taskId: draft.id } });
  const team = teamRows(draft.id, outcome);
  if (team.length > 0) await db.taskOfficer.createMany({ data: team });
}

/** New tasks in bulk: a draw over a million enterprises plans thousands at once. */
async function createFresh(db: Db, drawId: string, drafts: readonly { draft: TaskDraft; outcome: TeamOutcome }[]) {
  const rows = drafts.map(({ draft }) => ({
    id: randomUUID(),
    drawId,
    enterpriseUscc: draft.uscc,
    enterpriseName: draft.name,
    itemCodes: draft.itemCodes,
    domains: draft.domains,
    visitFrom: draft.visitFrom,
    visitTo: draft.visitTo,
  }));
  const CHUNK = 2_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.inspectionTask.createMany({ data: rows.slice(i, i + CHUNK) });
  }
  const problems = drafts.map(({ outcome }, i) => ({ id: rows[i]!.id, outcome })).filter(({ outcome }) => !outcome.ok);
  for (const { id, outcome } of problems) {
    await db.inspectionTask.update({ where: { id }, data: { teamProblems: teamProblemsOf(outcome) } });
  }
  const team = drafts.flatMap(({ outcome }, i) => teamRows(rows[i]!.id, outcome));
  for (let i = 0; i < team.length; i += CHUNK) await db.taskOfficer.createMany({ data: team.slice(i, i + CHUNK) });
  return rows.map((r) => r.id);
}

export async function planTasks(db: Db, input: PlanTasksInput) {
  const { plan, drawId, seed, selected } = input;
  const existing = await mergeable(
    db,
    plan,
    selected.map((s) => s.uscc),
  );
  const merged: TaskDraft[] = [];
  const newVisits: TaskDraft[] = [];
  for (const { uscc, name } of selected) {
    const task = existing.get(uscc);
    if (task) {
      const { id, visitFrom, visitTo } = task;
      merged.push({
        id,
        uscc,
        name,
        itemCodes: union(task.itemCodes, plan.itemCodes),
        domains: union(task.domains, plan.domains),
        visitFrom,
        visitTo,
      });
    } else {
      const { itemCodes, domains, visitFrom, visitTo } = plan;
      newVisits.push({ uscc, name, itemCodes: [...itemCodes], domains: [...domains], visitFrom, visitTo });
    }
  }
  const { kept, overCap } = await withinCap(db, plan, newVisits);
  const drafts = [...merged, ...kept].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  const pool = await officerPool(
    db,
    plan.visitFrom.getUTCFullYear(),
    merged.map((m) => m.id as string),
  );
  const conflicts = await conflictsWith(
    db,
    drafts.map((d) => d.uscc),
  );
  const outcomes = formTeams(
    pool,
    conflicts,
    drafts.map((d) => ({
      uscc: d.uscc,
      domains: d.domains,
      visitDay: d.visitFrom,
      lastDay: d.visitTo,
      seed: teamSeed(seed, d.uscc),
      size: plan.teamSize,
    })),
  );
  const fresh: { draft: TaskDraft; outcome: TeamOutcome }[] = [];
  const taskIds: string[] = [];
  for (const [i, draft] of drafts.entries()) {
    if (draft.id) {
      await updateMerged(db, draft as TaskDraft & { id: string }, outcomes[i]!);
      taskIds.push(draft.id);
    } else fresh.push({ draft, outcome: outcomes[i]! });
  }
  taskIds.push(...(await createFresh(db, drawId, fresh)));
  return { taskIds, mergedInto: merged.map((m) => m.id as string), overCap };
}
