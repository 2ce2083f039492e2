/**
 * The 双随机 draw against the database, in two audited steps (一公开, docs/draw-verification.md):
 * 1. commit — freeze the candidate list of the plan's scope (exclusions counted to the draw day), make a
 *    secret seed, publish the list's hash and the seed's hash. Nothing can be changed afterwards
 *    without `verifyDraw` noticing.
 * 2. reveal — recompute the list's hash (a candidate altered since the commit refuses the reveal),
 *    run the selection with the seed, publish seed and selection, and plan one joint task per selected
 *    enterprise (./task-planner.ts).
 * Every draw ever committed stays in the database and in the audit log: a committee that drew again
 * until it liked the result would leave the discarded draws in plain sight.
 */
import { randomBytes } from "node:crypto";
import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict, notFound } from "../../gateway/errors.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { writeAudited } from "../common/write.ts";
import { enterprisesInScope, forDraw, lastVisitDays, visitsSince } from "./candidate-source.ts";
import { frozenCandidates, insertCandidates } from "./draw-store.ts";
import { drawParametersOf, drawPlanOf } from "./plan-settings.ts";
import {
  commitSeed,
  type DrawPlan,
  enterprisesAtYearlyCap,
  type FrozenCandidate,
  freezeCandidates,
  hashCanonicalList,
  runDraw,
} from "./rules/index.ts";
import { planTasks } from "./task-planner.ts";

const DAY_MS = 86_400_000;
/** a draw over a million enterprises freezes (commit) and reads back (reveal) every one of them */
const DRAW_TIMEOUT_MS = 600_000;
const yearStart = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), 0, 1));

/** A plan as the candidate freeze reads it: the draw plan and the yearly cap. */
export type FreezablePlan = DrawPlan & { yearlyCap: number };

export interface PlanCandidates {
  candidates: FrozenCandidate[];
  /** Beijing day of each enterprise's last visit (RECENTLY_INSPECTED says since when) */
  lastVisit: ReadonlyMap<string, Date>;
  /** visits this year of the enterprises at the yearly cap (YEARLY_CAP_REACHED says how many) */
  visitsAtCap: ReadonlyMap<string, number>;
}

/** The plan's candidates frozen on the Beijing day of `now`; those at their yearly cap are excluded, and say so. */
export async function planCandidates(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  plan: FreezablePlan,
  now: Date,
): Promise<PlanCandidates> {
  const day = beijingDay(now);
  const exclusionStart = new Date(day.getTime() - Math.max(0, plan.excludeInspectedWithinDays - 1) * DAY_MS);
  const from = exclusionStart < yearStart(day) ? exclusionStart : yearStart(day);
  const rows = await enterprisesInScope(db, plan.scope);
  const visits = await visitsSince(db, from, day);
  const capped = enterprisesAtYearlyCap(visits, { now, cap: plan.yearlyCap });
  const atYearlyCap = new Set(capped.map((c) => c.uscc));
  const lastVisit = lastVisitDays(visits);
  const candidates = freezeCandidates(plan, forDraw(rows, lastVisit), { day, atYearlyCap });
  return { candidates, lastVisit, visitsAtCap: new Map(capped.map((c) => [c.uscc, c.visits])) };
}

export async function commitDraw(ctx: GatewayContext, planId: string) {
  const plan = await ctx.prisma.inspectionPlan.findUnique({ where: { id: planId } });
  if (!plan) throw notFound(`No inspection plan ${planId}`);
  const day = beijingDay(ctx.now);
  const seed = randomBytes(32).toString("hex");
  return writeAudited(
    ctx,
    async (tx) => {
      const { candidates } = await planCandidates(tx, { ...drawPlanOf(plan), yearlyCap: plan.yearlyCap }, ctx.now);
      const draw = await tx.draw.create({
        data: {
          planId,
          parameters: drawParametersOf(plan) as unknown as Prisma.InputJsonValue,
          drawDay: day,
          seedHash: commitSeed(seed),
          seed,
          candidateListHash: hashCanonicalList(candidates),
          candidateCount: candidates.length,
          committedBy: ctx.caller?.subject ?? "gz",
        },
      });
      await insertCandidates(tx, draw.id, candidates);
      const { seedHash, candidateListHash, candidateCount } = draw;
      return {
        result: draw,
        recordIds: [draw.id],
        changes: [
          {
            kind: "dispatch.drawCommitted",
            entityType: "Draw",
            entityId: draw.id,
            originJurisdiction: "gz",
            payload: { planId, seedHash, candidateListHash, candidateCount, jurisdictions: [] },
          },
        ],
      };
    },
    { timeoutMs: DRAW_TIMEOUT_MS },
  );
}

export async function revealDraw(ctx: GatewayContext, drawId: string) {
  return writeAudited(ctx, async (tx) => {
    // one reveal at a time per draw: the row lock makes a concurrent second reveal wait and then refuse
    await tx.$queryRaw`SELECT id FROM "Draw" WHERE id = ${drawId} FOR UPDATE`;
    const draw = await tx.draw.findUnique({ where: { id: drawId }, include: { plan: true } });
    if (!draw) throw notFound(`No draw ${drawId}`);
    if (draw.status !== "COMMITTED" || !draw.seed)
      throw conflict(`Draw ${drawId} is already revealed`, { reason: "ALREADY_REVEALED" });
    const candidates = await frozenCandidates(tx, drawId);
    const result = runDraw(drawParametersOf(draw.plan), candidates, draw.seed);
    if (result.candidateListHash !== draw.candidateListHash) {
      throw badInput(
        `The frozen candidate list of draw ${drawId} no longer matches the hash published at the commit: it was altered; the draw cannot be revealed`,
        { reason: "CANDIDATE_LIST_ALTERED" },
      );
    }
    const revealed = await tx.draw.update({
      where: { id: drawId },
      data: {
        status: "REVEALED",
        revealedAt: ctx.now,
        strata: result.strata as unknown as Prisma.InputJsonValue,
        selected: result.selected,
      },
    });
    const names = new Map(candidates.map((c) => [c.uscc, c.name]));
    const planned = await planTasks(tx, {
      plan: draw.plan,
      drawId,
      seed: draw.seed,
      selected: result.selected.map((uscc) => ({ uscc, name: names.get(uscc) ?? uscc })),
      now: ctx.now,
    });
    return {
      result: { draw: revealed, taskIds: planned.taskIds },
      recordIds: [drawId, ...planned.taskIds],
      changes: [
        {
          kind: "dispatch.drawRevealed",
          entityType: "Draw",
          entityId: drawId,
          originJurisdiction: "gz",
          payload: {
            seed: draw.seed,
            selected: result.selected.length,
            tasks: planned.taskIds.length,
            jurisdictions: [],
          },
        },
      ],
    };
  });
}
