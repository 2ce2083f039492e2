/** Shared steps of the dispatch tests: a plan over the seeded libraries, its draw, its tasks. */
import { expect } from "vitest";
import type { TestGateway } from "../support/gateway.ts";

export const PLAN = `mutation($input: InspectionPlanInput!) { createInspectionPlan(input: $input) { plan {
  id itemCodes domains baseRatioPpm yearlyCap factors { riskClass permille } } } }`;
export const COMMIT = `mutation($p: ID!) { commitDraw(input: { planId: $p }) { draw {
  id status seedHash seed candidateListHash candidateCount } } }`;
export const REVEAL = `mutation($d: ID!) { revealDraw(input: { drawId: $d }) { draw {
  id status seed selected strata { key industry riskClass population excluded count selected } atYearlyCap }
  tasks { enterpriseUscc state } } }`;
export const VERIFY_DRAW = `query($d: ID!) { verifyDraw(id: $d) { valid revealed problems { code message } } }`;
export const TASKS = `query($d: ID) { tasks(drawId: $d, first: 100) { totalCount edges { node {
  id enterpriseUscc itemCodes domains state visitFrom visitTo inspectionCode teamProblems { code jurisdiction domains certificateNumbers message } version
  officers { certificateNumber homeJurisdiction pick } } } } }`;
export const DISPATCH = `mutation($id: ID!) { dispatchTask(input: { taskId: $id }) { task {
  id state inspectionCode version } } }`;
export const CHECK_CODE = `query($c: String!, $u: String!) { verifyInspection(code: $c, uscc: $u) {
  valid reason taskId enterpriseUscc officers items } }`;

export interface TaskNode {
  id: string;
  enterpriseUscc: string;
  itemCodes: string[];
  domains: string[];
  state: string;
  visitFrom: string;
  inspectionCode: string | null;
  teamProblems: { code: string; jurisdiction: string | null; domains: string[]; certificateNumbers: string[] }[];
  version: number;
  officers: { certificateNumber: string; homeJurisdiction: string; pick: number }[];
}

/** An INSPECTION item of a domain that both provinces have several dispatchable officers for. */
export async function inspectionItem(t: TestGateway, domainCode = "EMERGENCY") {
  return t.prisma.enforcementItem.findFirstOrThrow({
    where: { kind: "INSPECTION", domainCode },
    orderBy: { code: "asc" },
  });
}

export async function createPlan(t: TestGateway, input: Record<string, unknown>) {
  const result = await t.gql<{ createInspectionPlan: { plan: { id: string } } }>(PLAN, {
    as: "gz",
    variables: {
      input: { name: "测试抽查", visitFrom: "2026-12-01", visitTo: "2026-12-05", ...input },
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createInspectionPlan.plan.id;
}

export async function drawFor(t: TestGateway, planId: string) {
  const committed = await t.gql<{ commitDraw: { draw: { id: string } } }>(COMMIT, {
    as: "gz",
    variables: { p: planId },
  });
  expect(committed.errors).toBeUndefined();
  const drawId = committed.data!.commitDraw.draw.id;
  const revealed = await t.gql<{ revealDraw: { draw: { selected: string[] } } }>(REVEAL, {
    as: "gz",
    variables: { d: drawId },
  });
  expect(revealed.errors).toBeUndefined();
  return { drawId, selected: revealed.data!.revealDraw.draw.selected };
}

export async function tasksOf(t: TestGateway, drawId: string | null, as: "gz" | "cq" | "sc" = "gz", subject?: string) {
  const result = await t.gql<{ tasks: { totalCount: number; edges: { node: TaskNode }[] } }>(TASKS, {
    as,
    subject,
    variables: { d: drawId },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.tasks.edges.map((e) => e.node);
}
