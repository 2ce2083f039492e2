/**
 * The combined risk colour (综合风险颜色 红/黄/绿) on Enterprise, and the same rule as a Prisma filter
 * for `enterprises(riskColour:)`. The rule itself is ./rules/risk-colour.ts; a test checks that the
 * filter and the rule agree on every seeded enterprise.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { type RiskColour, riskColour } from "./rules/risk-colour.ts";

export const RiskColourEnum = builder.enumType("RiskColour", {
  description:
    "综合风险颜色 — RED if any grade is D or both provinces grade C; YELLOW if any grade is C; GREEN otherwise",
  values: {
    RED: { description: "红" },
    YELLOW: { description: "黄" },
    GREEN: { description: "绿" },
  } as const,
});

type Grade = "A" | "B" | "C" | "D";
/** a per-province grade that is absent or among `grades` */
const absentOr = (field: "creditGradeCq" | "creditGradeSc", grades: Grade[]): Prisma.EnterpriseWhereInput => ({
  OR: [{ [field]: null }, { [field]: { in: grades } }],
});
/** `creditGrade` is always one of the per-province grades when any is known, else the only grade */
const noneOf = (grades: Grade[]): Prisma.EnterpriseWhereInput[] => {
  const allowed = (["A", "B", "C", "D"] as Grade[]).filter((g) => !grades.includes(g));
  return [{ creditGrade: { in: allowed } }, absentOr("creditGradeCq", allowed), absentOr("creditGradeSc", allowed)];
};

export function riskColourWhere(colour: RiskColour): Prisma.EnterpriseWhereInput {
  const red: Prisma.EnterpriseWhereInput = {
    OR: [
      { creditGrade: "D" },
      { creditGradeCq: "D" },
      { creditGradeSc: "D" },
      { creditGradeCq: "C", creditGradeSc: "C" },
    ],
  };
  if (colour === "RED") return red;
  if (colour === "GREEN") return { AND: noneOf(["C", "D"]) };
  return {
    AND: [
      ...noneOf(["D"]),
      { OR: [{ creditGrade: "C" }, { creditGradeCq: "C" }, { creditGradeSc: "C" }] },
      // not both C (that is RED)
      { OR: [absentOr("creditGradeCq", ["A", "B"]), absentOr("creditGradeSc", ["A", "B"])] },
    ],
  };
}

builder.prismaObjectFields("Enterprise", (t) => ({
  riskColour: t.field({
    type: RiskColourEnum,
    description: "综合风险颜色 红/黄/绿 from both provinces' credit grades",
    resolve: (e) => riskColour(e),
  }),
  registrationProvisional: t.exposeBoolean("registrationProvisional", {
    description: "registration data written by the other province, until the registering jurisdiction writes",
  }),
  versionCq: t.exposeInt("versionCq", { nullable: true, description: "newest version applied from 重庆" }),
  versionSc: t.exposeInt("versionSc", { nullable: true, description: "newest version applied from 四川" }),
}));
