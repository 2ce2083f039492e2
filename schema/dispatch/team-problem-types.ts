/**
 * 组队问题 — why a planned task has no valid team, as GraphQL types (the causes: rules/team-refusal.ts).
 * A task with problems cannot be dispatched (NO_VALID_TEAM) until the pool changes and it is re-planned.
 */
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import type { TeamRefusal, TeamRefusalCode } from "./rules/index.ts";

/** in the order rules/team-refusal.ts tries them: from "nobody at all" to "a mix of causes", then the size */
const TEAM_PROBLEM_CODES: Record<TeamRefusalCode, { description: string }> = {
  NO_OFFICERS: { description: "无执法人员 — the province has no officer in the 人员库 at all" },
  NOT_QUALIFIED_FOR: {
    description: "无相应执法资格 — officers pass every other check, but none holds these domains (`domains`)",
  },
  NOT_QUALIFIED_FOR_ALL_DOMAINS: {
    description: "无人具备全部执法资格 — each domain is held by someone, nobody holds them all (`domains`)",
  },
  CERTIFICATES_EXPIRED: { description: "执法证已过期 — every officer's 执法证 has expired by the visit window" },
  CERTIFICATES_NOT_VALID: {
    description: "执法证无效 — every 执法证 is expired, not yet valid, or of dates the platform never sent",
  },
  ALL_NOT_ACTIVE: { description: "人员均不在岗 — every officer is suspended or retired" },
  ALL_CANDIDATES_CONFLICTED: {
    description: "均需回避 — every officer declared a conflict (回避) with the enterprise",
  },
  NO_ELIGIBLE_OFFICER: { description: "无可派人员 — a mix of the causes above, officer by officer" },
  NOT_ENOUGH_OFFICERS: {
    description: "人数不足 — both provinces are covered, but not enough eligible officers to fill the team size",
  },
};

export const TeamProblemCodeEnum = builder.enumType("TeamProblemCode", {
  description: "组队问题 — why no valid team (one officer of each province at least) can be formed",
  values: TEAM_PROBLEM_CODES,
});

export const TeamProblemRef = builder.objectRef<TeamRefusal>("TeamProblem").implement({
  description: "组队问题 — one reason a task has no valid team: per province without an eligible officer, or the size",
  fields: (t) => ({
    code: t.field({ type: TeamProblemCodeEnum, description: "问题 — the cause", resolve: (p) => p.code }),
    jurisdiction: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "辖区 — the province without an eligible officer; null for NOT_ENOUGH_OFFICERS",
      resolve: (p) => (p.jurisdiction ? jurisdictionOf(p.jurisdiction) : null),
    }),
    domains: t.stringList({
      description: "执法领域 — the domain codes nobody eligible holds (NOT_QUALIFIED_FOR…); else empty",
      resolve: (p) => p.domains ?? [],
    }),
    certificateNumbers: t.stringList({
      description: "执法证号 — the officers behind the cause (expired, conflicted…); else empty",
      resolve: (p) => p.certificateNumbers ?? [],
    }),
    message: t.exposeString("message", {
      description: "说明 — the cause as a person reads it, e.g. NO_SICHUAN_OFFICER_QUALIFIED_FOR: ECOLOGY",
    }),
  }),
});
