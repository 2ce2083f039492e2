import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { connectionTypes, sharedConnection } from "../common/connection-types.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { keyOf } from "../common/node-access.ts";
import { likeLiteral } from "../common/rules/like.ts";
import { RiskColourEnum, riskColourWhere } from "./risk-colour-filter.ts";
import type { RiskColour } from "./rules/risk-colour.ts";
import { usccPrefixBounds } from "./rules/uscc.ts";
import { CreditGradeEnum, OfficerStatusEnum } from "./types.ts";

export const CertificateStatusEnum = builder.enumType("CertificateStatus", {
  description: "执法证状态 on a given day",
  values: {
    VALID: { description: "有效" },
    EXPIRING: { description: "30 天内到期 — valid, expiring within 30 days" },
    EXPIRED: { description: "已过期" },
    NOT_YET_VALID: { description: "尚未生效" },
  } as const,
});

const DAY_MS = 86_400_000;

function certificateStatusWhere(status: string, day: Date): Prisma.OfficerWhereInput {
  const in30 = new Date(day.getTime() + 30 * DAY_MS);
  switch (status) {
    case "EXPIRED":
      return { certificateValidTo: { lt: day } };
    case "NOT_YET_VALID":
      return { certificateValidFrom: { gt: day } };
    case "EXPIRING":
      return { certificateValidFrom: { lte: day }, certificateValidTo: { gte: day, lte: in30 } };
    default:
      return { certificateValidFrom: { lte: day }, certificateValidTo: { gte: day } };
  }
}

builder.queryFields((t) => ({
  officers: t.prismaConnection(
    {
      type: "Officer",
      cursor: "id",
      description: "人员库 — officers of both provinces, filtered",
      authScopes: { scope: "read" },
      args: {
        jurisdiction: t.arg({
          type: JurisdictionEnum,
          required: false,
          description: "所属辖区 — officers of this province",
        }),
        domain: t.arg.string({ required: false, description: "qualified for this domain code" }),
        status: t.arg({ type: OfficerStatusEnum, required: false, description: "在岗状态 — officers in this status" }),
        certificateStatus: t.arg({
          type: CertificateStatusEnum,
          required: false,
          description: "执法证状态 — officers whose certificate is so on `asOf`",
        }),
        asOf: t.arg({ type: "Date", required: false, description: "day for certificateStatus (default today)" }),
        name: t.arg.string({ required: false, description: "name fragment" }),
      },
      totalCount: (_c, args, ctx) => ctx.prisma.officer.count({ where: officerFilter(args, ctx.now) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.officer.findMany({ ...query, where: officerFilter(args, ctx.now), orderBy: { id: "asc" } }),
    },
    sharedConnection("Officer", "执法人员 — an officer"),
  ),

  officer: t.prismaField({
    type: "Officer",
    nullable: true,
    description: "One officer by id or certificate number",
    authScopes: { scope: "read" },
    args: {
      id: t.arg.id({ required: false, description: "全局ID — the officer's `id`" }),
      certificateNumber: t.arg.string({ required: false, description: "执法证号 — the certificate number" }),
    },
    resolve: (query, _root, args, ctx) => {
      if (!args.id && !args.certificateNumber) return null;
      return ctx.prisma.officer.findFirst({
        ...query,
        where: args.id
          ? { id: keyOf("Officer", args.id) }
          : { certificateNumber: (args.certificateNumber ?? "").trim().toUpperCase() },
      });
    },
  }),

  enterprises: t.prismaConnection(
    {
      type: "Enterprise",
      cursor: "id",
      description: "对象库 — enterprises, filtered",
      authScopes: { scope: "read" },
      args: {
        search: t.arg.string({ required: false, description: "name fragment" }),
        usccPrefix: t.arg.string({
          required: false,
          description: "信用代码前缀 — enterprises whose USCC starts so (literal)",
        }),
        park: t.arg.string({ required: false, description: "园区 — enterprises in this park (exact)" }),
        town: t.arg.string({ required: false, description: "镇街 — enterprises in this town (exact)" }),
        industry: t.arg.string({ required: false, description: "行业 — enterprises of this industry (exact)" }),
        creditGrade: t.arg({
          type: CreditGradeEnum,
          required: false,
          description: "信用等级 — enterprises of this grade",
        }),
        jurisdiction: t.arg({
          type: JurisdictionEnum,
          required: false,
          description: "登记地 — enterprises registered in this province",
        }),
        riskColour: t.arg({ type: RiskColourEnum, required: false, description: "综合风险颜色 红/黄/绿" }),
      },
      totalCount: (_c, args, ctx) => ctx.prisma.enterprise.count({ where: enterpriseFilter(args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.enterprise.findMany({ ...query, where: enterpriseFilter(args), orderBy: { id: "asc" } }),
    },
    ...connectionTypes("Enterprise", "企业 — an enterprise"),
  ),

  enterprise: t.prismaField({
    type: "Enterprise",
    nullable: true,
    description: "One enterprise by its USCC (统一社会信用代码)",
    authScopes: { scope: "read" },
    args: { uscc: t.arg.string({ required: true, description: "统一社会信用代码 — the enterprise's USCC" }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.enterprise.findUnique({ ...query, where: { uscc: args.uscc.trim().toUpperCase() } }),
  }),
}));

interface OfficerFilterArgs {
  jurisdiction?: string | null;
  domain?: string | null;
  status?: "ACTIVE" | "SUSPENDED" | "RETIRED" | null;
  certificateStatus?: string | null;
  asOf?: Date | null;
  name?: string | null;
}

function officerFilter(args: OfficerFilterArgs, now: Date): Prisma.OfficerWhereInput {
  const and: Prisma.OfficerWhereInput[] = [];
  if (args.jurisdiction) and.push({ homeJurisdiction: args.jurisdiction });
  if (args.domain) and.push({ qualifiedDomains: { has: args.domain } });
  if (args.status) and.push({ status: args.status });
  if (args.certificateStatus) and.push(certificateStatusWhere(args.certificateStatus, args.asOf ?? beijingDay(now)));
  if (args.name?.trim()) and.push({ name: { contains: likeLiteral(args.name.trim()) } });
  return { AND: and };
}

interface EnterpriseFilterArgs {
  search?: string | null;
  usccPrefix?: string | null;
  park?: string | null;
  town?: string | null;
  industry?: string | null;
  creditGrade?: "A" | "B" | "C" | "D" | null;
  jurisdiction?: string | null;
  riskColour?: RiskColour | null;
}

function enterpriseFilter(args: EnterpriseFilterArgs): Prisma.EnterpriseWhereInput {
  const and: Prisma.EnterpriseWhereInput[] = [];
  if (args.search?.trim()) and.push({ name: { contains: likeLiteral(args.search.trim()) } });
  const prefix = args.usccPrefix?.trim().toUpperCase();
  if (prefix) and.push({ uscc: { startsWith: likeLiteral(prefix), ...usccPrefixBounds(prefix) } });
  if (args.park) and.push({ park: args.park });
  if (args.town) and.push({ town: args.town });
  if (args.industry) and.push({ industry: args.industry });
  if (args.creditGrade) and.push({ creditGrade: args.creditGrade });
  if (args.jurisdiction) and.push({ registeringJurisdiction: args.jurisdiction });
  if (args.riskColour) and.push(riskColourWhere(args.riskColour));
  return { AND: and };
}
