/**
 * library-scale, draw (issue 7): a 双随机 draw over every enterprise of the table (1,000,000) and a team from
 * every officer (50,000) for each selected one, through GraphQL as the committee runs it — `commitDraw`
 * (read the scope, count exclusions, freeze and store the candidate list, hash it) then `revealDraw` (read
 * the frozen list back, recheck its hash, select 1 % × grade factor per stratum, form a team per task,
 * store the tasks). Baseline: one sequential scan of the enterprise table in the same run.
 * ratio = (commit + reveal seconds) ÷ seq scan seconds.
 */

import type pg from "pg";
import { keyOf } from "../../schema/common/node-access.ts";
import { askOnce } from "../lib/graphql.ts";
import type { BenchKeys } from "../lib/keys.ts";
import { progress } from "../lib/progress.ts";

export interface DrawMeasured {
  commitSeconds: number;
  revealSeconds: number;
  candidates: number;
  selected: number;
  tasks: number;
  tasksWithoutTeam: number;
  valid: boolean;
}

async function gz(url: string, keys: BenchKeys, query: string, variables: Record<string, unknown>) {
  const token = await keys.token("gz"); // a fresh token per mutation: the replay guard refuses a reused one
  const answer = await askOnce(`${url}/graphql`, JSON.stringify({ query, variables }), {
    "content-type": "application/json",
    authorization: `Bearer ${token}`,
  });
  return answer.data as Record<string, Record<string, unknown>>;
}

export async function measureDraw(url: string, keys: BenchKeys, client: pg.Client): Promise<DrawMeasured> {
  const item = await client.query<{ code: string }>(
    `SELECT code FROM "EnforcementItem" WHERE kind = 'INSPECTION' AND "domainCode" = 'EMERGENCY' ORDER BY code LIMIT 1`,
  );
  const plan = await gz(
    url,
    keys,
    `mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { plan { id } } }`,
    {
      i: {
        name: "bench: 1 % a quarter over every enterprise",
        itemCodes: [item.rows[0]?.code],
        baseRatioPpm: 10_000,
        excludeInspectedWithinDays: 90,
        visitFrom: "2027-01-04",
        visitTo: "2027-01-08",
      },
    },
  );
  const planId = (plan.createInspectionPlan?.plan as { id?: string } | undefined)?.id as string;
  progress("library-scale: commitDraw over every enterprise (freeze and hash the candidate list) …");
  let t0 = performance.now();
  const committed = await gz(
    url,
    keys,
    `mutation($p: ID!) { commitDraw(input: { planId: $p }) { draw { id candidateCount } } }`,
    {
      p: planId,
    },
  );
  const commitSeconds = (performance.now() - t0) / 1000;
  const draw = committed.commitDraw?.draw as { id: string; candidateCount: number };
  const drawId = draw.id;
  progress(`library-scale: commit took ${commitSeconds.toFixed(1)} s; revealDraw (select, form teams, plan tasks) …`);
  t0 = performance.now();
  const revealed = await gz(
    url,
    keys,
    `mutation($d: ID!) { revealDraw(input: { drawId: $d }) { draw { id selected } } }`,
    { d: drawId },
  );
  const revealSeconds = (performance.now() - t0) / 1000;
  const verified = await gz(url, keys, `query($d: ID!) { verifyDraw(id: $d) { valid } }`, { d: drawId });
  const tasks = await client.query<{ all: string; unstaffed: string }>(
    `SELECT count(*) AS all, count(*) FILTER (WHERE "teamProblems" IS NOT NULL) AS unstaffed FROM "InspectionTask" WHERE "drawId" = $1`,
    [keyOf("Draw", drawId)],
  );
  return {
    commitSeconds,
    revealSeconds,
    candidates: draw.candidateCount,
    selected: ((revealed.revealDraw?.draw as { selected?: string[] } | undefined)?.selected ?? []).length,
    tasks: Number(tasks.rows[0]?.all),
    tasksWithoutTeam: Number(tasks.rows[0]?.unstaffed),
    valid: verified.verifyDraw?.valid === true,
  };
}
