/** 事项库 — domains, enforcement items and their legal bases, as GraphQL types. */
import { builder } from "../builder.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { nodeAccess, readableWith } from "../common/node-access.ts";

export const ItemKindEnum = builder.enumType("ItemKind", {
  description: "事项类型 — kind of enforcement item",
  values: {
    PENALTY: { description: "行政处罚 — administrative penalty" },
    INSPECTION: { description: "行政检查 — administrative inspection" },
    COERCION: { description: "行政强制 — administrative coercive measure" },
  } as const,
});

export const EmpowermentModeEnum = builder.enumType("EmpowermentMode", {
  description: "赋权方式 — how the power reached the New Area committee",
  values: {
    AUTHORIZED: { description: "授权 — the committee acts in its own name" },
    ENTRUSTED: { description: "委托 — acts in the entrusting body's name (行政处罚法 第20条)" },
  } as const,
});

export const LegalBasisRoleEnum = builder.enumType("LegalBasisRole", {
  description: "依据类别 — what the legal basis is for",
  values: {
    SETTING: { description: "设定依据 — sets the power" },
    IMPLEMENTING: { description: "实施依据 — implements it" },
    DUTY: { description: "法律规定 — the duty that was violated" },
    PENALTY: { description: "处罚依据 — the penalty provision" },
  } as const,
});

builder.prismaObject("Domain", {
  description: "执法领域 — one of the 8 enforcement domains of the shared list",
  fields: (t) => ({
    code: t.exposeString("code", { description: "领域代码 — the domain's code, e.g. EMERGENCY" }),
    name: t.exposeString("name", { description: "中文名称 — Chinese name" }),
    nameEn: t.exposeString("nameEn", { description: "English name" }),
    itemCount: t.relationCount("items", { description: "事项数 — number of items in the domain" }),
  }),
});

export const LegalBasisRef = builder.prismaObject("LegalBasis", {
  description: "执法依据 — a law with article/clause/item and the dates it is in force",
  fields: (t) => ({
    role: t.expose("role", { description: "依据类别 — what the basis does for the item", type: LegalBasisRoleEnum }),
    lawName: t.exposeString("lawName", { description: "法律名称 — name of the law" }),
    lawVersion: t.exposeString("lawVersion", {
      description: "版本 — e.g. 2023年修订; null when not stated",
      nullable: true,
    }),
    article: t.exposeInt("article", { nullable: true, description: "条 — null when not known" }),
    clause: t.exposeInt("clause", { nullable: true, description: "款" }),
    subItem: t.exposeInt("subItem", { nullable: true, description: "项" }),
    citation: t.exposeString("citation", { description: "引用 — citation as written" }),
    summary: t.exposeString("summary", { description: "摘要 — null when none", nullable: true }),
    effectiveFrom: t.expose("effectiveFrom", { description: "施行日 — first day in force (inclusive)", type: "Date" }),
    effectiveTo: t.expose("effectiveTo", { type: "Date", nullable: true, description: "last day in force" }),
    verified: t.exposeBoolean("verified", { description: "false: the article is not verified (条款待核实)" }),
    note: t.exposeString("note", { description: "备注 — e.g. where the article number comes from", nullable: true }),
    dailyFine: t.exposeBoolean("dailyFine", {
      description: "按日连续处罚 — this article lets the authority fine daily, at the original amount, until corrected",
    }),
  }),
});

export const EnforcementItemRef = builder.prismaNode("EnforcementItem", {
  id: { field: "code" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "执法事项 — one of the 125 empowered items, with its codes in both provincial catalogs",
  fields: (t) => ({
    code: t.exposeString("code", { description: "统一编码 — unified code" }),
    name: t.exposeString("name", { description: "事项名称" }),
    kind: t.expose("kind", { description: "事项类别 — penalty, inspection or coercion", type: ItemKindEnum }),
    domain: t.relation("domain", { description: "执法领域 — the item's domain" }),
    cqCode: t.exposeString("cqCode", { description: "重庆目录编码 — code in the Chongqing catalog" }),
    cqName: t.exposeString("cqName", { description: "重庆目录名称" }),
    scCode: t.exposeString("scCode", { description: "四川目录编码 — code in the Sichuan catalog" }),
    scName: t.exposeString("scName", { description: "四川目录名称" }),
    empowermentMode: t.expose("empowermentMode", {
      description: "赋权方式 — authorised or entrusted",
      type: EmpowermentModeEnum,
    }),
    actingName: t.exposeString("actingName", { description: "实施主体名义 — in whose name the item is enforced" }),
    scope: t.exposeString("scope", { description: "赋权范围" }),
    originalDepartment: t.exposeString("originalDepartment", { description: "原行使部门" }),
    empoweredFrom: t.expose("empoweredFrom", {
      description: "赋权起始日 — first day empowered (inclusive)",
      type: "Date",
    }),
    empoweredTo: t.expose("empoweredTo", {
      description: "赋权截止日 — last day empowered (inclusive); null: no end",
      type: "Date",
      nullable: true,
    }),
    illustrative: t.exposeBoolean("illustrative", {
      description: "true: the official list is not public; this entry is illustrative (示例)",
    }),
    note: t.exposeString("note", { description: "备注 — the catalog's note", nullable: true }),
    version: t.exposeInt("version", { description: "版本 — bumped by every catalog change (item.changed)" }),
    legalBases: t.relation("legalBases", {
      description: "执法依据 in force on `asOf` (default: today), or all of them with `all: true`",
      args: {
        asOf: t.arg({
          type: "Date",
          required: false,
          description: "日期 — the Beijing day asked about; default today",
        }),
        all: t.arg.boolean({ defaultValue: false, description: "全部 — true: every version, in force or not" }),
      },
      query: (args, ctx) => ({
        where: args.all ? {} : inForceWhere(args.asOf ?? beijingDay(ctx.now), "effectiveFrom", "effectiveTo"),
        orderBy: [{ sortOrder: "asc" }, { effectiveFrom: "asc" }],
      }),
    }),
  }),
});

// the rule of `items`; through `node` an item reads also outside its empowerment period, so that a stored id stays readable
nodeAccess("EnforcementItem", readableWith("read"));
