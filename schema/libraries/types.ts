/** 人员库 and 对象库 — officers and enterprises as GraphQL types (personal data masked by rule). */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { nodeAccess, readableWith } from "../common/node-access.ts";
import { maskAddress, maskIdNumber, maskPhone } from "./rules/mask.ts";
import { maskPersonalText } from "./rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "./rules/personal-data.ts";

export const OfficerStatusEnum = builder.enumType("OfficerStatus", {
  description: "执法人员状态",
  values: {
    ACTIVE: { description: "在岗 — active" },
    SUSPENDED: { description: "暂停执法 — suspended" },
    RETIRED: { description: "离岗 — no longer an officer" },
  } as const,
});

export const CreditGradeEnum = builder.enumType("CreditGrade", {
  description:
    "信用等级 — credit grade A (best) to D (worst), as the registering province graded the enterprise; drives inspection frequency",
  values: {
    A: { description: "A级 — good credit: inspected least often" },
    B: { description: "B级 — ordinary credit" },
    C: { description: "C级 — poor credit: inspected more often" },
    D: { description: "D级 — bad credit (失信): inspected most often" },
  } as const,
});

/** Free text a province wrote (a name, a unit, an address): any ID or phone number in it masked alike. */
const freeText = (ctx: GatewayContext, owner: string, value: string | null) =>
  personal(ctx, owner, value, maskPersonalText);

function personal<T extends string | null>(
  ctx: GatewayContext,
  owner: string,
  value: T,
  mask: (value: string) => string,
): T | string {
  if (value === null) return value;
  return seesPersonalDataInClear(ctx.caller, owner) ? value : mask(value);
}

export const OfficerRef = builder.prismaNode("Officer", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "执法人员 — an officer of the joint force, holding a 执法证 of a home jurisdiction",
  fields: (t) => ({
    certificateNumber: t.exposeString("certificateNumber", { description: "执法证号" }),
    name: t.string({
      description:
        "姓名 — the officer's name (an ID or phone number written into it is masked outside the home jurisdiction)",
      resolve: (o, _a, ctx) => freeText(ctx, o.homeJurisdiction, o.name) as string,
    }),
    homeJurisdiction: t.field({
      type: JurisdictionEnum,
      description: "所属辖区 — the province that issued the 执法证",
      resolve: (o) => jurisdictionOf(o.homeJurisdiction),
    }),
    unit: t.string({
      nullable: true,
      description: "所在单位",
      resolve: (o, _a, ctx) => freeText(ctx, o.homeJurisdiction, o.unit),
    }),
    status: t.expose("status", { type: OfficerStatusEnum, description: "在岗状态 — active, suspended or retired" }),
    certificateValidFrom: t.expose("certificateValidFrom", {
      type: "Date",
      nullable: true,
      description: "执法证有效期起 — first day of validity (inclusive)",
    }),
    certificateValidTo: t.expose("certificateValidTo", {
      type: "Date",
      nullable: true,
      description: "执法证有效期至 — last day of validity (inclusive)",
    }),
    qualifiedDomains: t.exposeStringList("qualifiedDomains", { description: "执法领域资格 — domain codes" }),
    idNumber: t.string({
      nullable: true,
      description: "公民身份号码 — personal data: masked outside the home jurisdiction (gz needs pii:read)",
      resolve: (o, _a, ctx) => personal(ctx, o.homeJurisdiction, o.idNumber, maskIdNumber),
    }),
    phone: t.string({
      nullable: true,
      description: "联系电话 — personal data, masked like idNumber",
      resolve: (o, _a, ctx) => personal(ctx, o.homeJurisdiction, o.phone, maskPhone),
    }),
    homeAddress: t.string({
      nullable: true,
      description: "家庭住址 — personal data, masked like idNumber",
      resolve: (o, _a, ctx) => personal(ctx, o.homeJurisdiction, o.homeAddress, maskAddress),
    }),
    version: t.exposeInt("version", { description: "the home platform's version; a newer one replaces it" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when the gateway last stored a write" }),
  }),
});

export const EnterpriseRef = builder.prismaNode("Enterprise", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "执法对象 / 企业 — an enterprise in the New Area, identified by its USCC",
  fields: (t) => ({
    uscc: t.exposeString("uscc", { description: "统一社会信用代码 (GB 32100)" }),
    name: t.exposeString("name", { description: "企业名称 — the registered name" }),
    park: t.exposeString("park", { nullable: true, description: "所在园区" }),
    town: t.exposeString("town", { nullable: true, description: "所在镇" }),
    divisionCode: t.exposeString("divisionCode", {
      nullable: true,
      description: "行政区划代码 (GB/T 2260) of its location",
    }),
    industry: t.exposeString("industry", { nullable: true, description: "行业" }),
    registeringJurisdiction: t.field({
      type: JurisdictionEnum,
      description: "登记地 — the province where it is registered",
      resolve: (e) => jurisdictionOf(e.registeringJurisdiction),
    }),
    creditGrade: t.expose("creditGrade", {
      type: CreditGradeEnum,
      nullable: true,
      description:
        "信用等级 given by the registering jurisdiction (the other province's while the registering one has none)",
    }),
    creditGradeCq: t.expose("creditGradeCq", {
      type: CreditGradeEnum,
      nullable: true,
      description: "重庆评定的信用等级",
    }),
    creditGradeSc: t.expose("creditGradeSc", {
      type: CreditGradeEnum,
      nullable: true,
      description: "四川评定的信用等级",
    }),
    legalRepresentative: t.string({
      nullable: true,
      description: "法定代表人; an ID or phone number written into it is masked like personal data",
      resolve: (e, _a, ctx) => freeText(ctx, e.registeringJurisdiction, e.legalRepresentative),
    }),
    address: t.string({
      nullable: true,
      description: "经营地址 (business address, not personal); an ID or phone number written into it is masked",
      resolve: (e, _a, ctx) => freeText(ctx, e.registeringJurisdiction, e.address),
    }),
    version: t.exposeInt("version", {
      description: "the registering jurisdiction's newest version (0 while it has not written)",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when the gateway last stored a write" }),
  }),
});

// both libraries are read whole by every holder of `read`, as `officers` / `enterprises`; personal data is
// masked by the fields above on every path
nodeAccess("Officer", readableWith("read"));
nodeAccess("Enterprise", readableWith("read"));
