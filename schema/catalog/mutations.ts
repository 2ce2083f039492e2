/** Catalog writes for the committee (catalog:write): item fields and legal-basis versions, each an `item.changed`. */
import { builder } from "../builder.ts";
import { recordPayload } from "../common/mutation-payload.ts";
import { addLegalBasis, updateItem } from "./catalog-changes.ts";
import { itemUpdate, newLegalBasis } from "./catalog-inputs.ts";
import { EnforcementItemRef, LegalBasisRef, LegalBasisRoleEnum } from "./types.ts";

const CATALOG_WRITE = { $all: { issuer: "gz", scope: "catalog:write" } } as const;
const ITEM_CODE = "事项编码 — the item's unified code (GZ-…), or its Chongqing or Sichuan catalog code";

const ItemChangesInput = builder
  .inputType("ItemChangesInput", {
    description: "事项目录字段 — the catalog fields to change; an absent field is left as it is",
    fields: (t) => ({
      name: t.string({ required: false, description: "事项名称 — the unified name, 1–500 characters" }),
      cqCode: t.string({
        required: false,
        description: "重庆目录编码 — code in the Chongqing catalog: letters, digits and dashes, 2–64; unique",
      }),
      cqName: t.string({ required: false, description: "重庆目录名称 — name in the Chongqing catalog, 1–500" }),
      scCode: t.string({
        required: false,
        description: "四川目录编码 — code in the Sichuan catalog: letters, digits and dashes, 2–64; unique",
      }),
      scName: t.string({ required: false, description: "四川目录名称 — name in the Sichuan catalog, 1–500" }),
      empoweredTo: t.field({
        type: "Date",
        required: false,
        description: "赋权截止日 — last day empowered (inclusive, Beijing); null: no end",
      }),
      note: t.string({ required: false, description: "备注 — up to 2000 characters; null clears the note" }),
    }),
  })
  .validate(itemUpdate);

const UpdateItemInput = builder.inputType("UpdateItemInput", {
  description: "修改事项目录 — which item, and the catalog fields to change",
  fields: (t) => ({
    itemCode: t.string({ required: true, description: ITEM_CODE }),
    changes: t.field({ type: ItemChangesInput, required: true, description: "修改内容 — the fields to change" }),
  }),
});

const LegalBasisInput = builder
  .inputType("LegalBasisInput", {
    description: "执法依据 — one version of a legal basis; unknown article numbers stay null, never invented",
    fields: (t) => ({
      role: t.field({ type: LegalBasisRoleEnum, required: true, description: "依据类别 — what the basis does" }),
      lawName: t.string({ required: true, description: "法律法规名称 — e.g. 中华人民共和国生态环境法典; 1–200" }),
      lawVersion: t.string({ required: false, description: "版本 — e.g. 2023年修订; up to 200" }),
      article: t.int({ required: false, description: "条 — 1–9999; leave null when not known" }),
      clause: t.int({ required: false, description: "款 — 1–9999; needs its article" }),
      subItem: t.int({ required: false, description: "项 — 1–9999; needs its article" }),
      citation: t.string({ required: false, description: "引用 — as written, e.g. 第一百一十二条第(三)项" }),
      summary: t.string({ required: false, description: "摘要 — up to 2000 characters" }),
      effectiveFrom: t.field({
        type: "Date",
        required: true,
        description: "施行日 — first day in force (inclusive)",
      }),
      effectiveTo: t.field({
        type: "Date",
        required: false,
        description: "失效日 — last day in force (inclusive, not before effectiveFrom); null: open",
      }),
      verified: t.boolean({ required: false, description: "已核实 — default: true when the article is given" }),
      note: t.string({ required: false, description: "备注 — e.g. where the article number comes from" }),
    }),
  })
  .validate(newLegalBasis);

const AddLegalBasisInput = builder.inputType("AddLegalBasisInput", {
  description: "新增执法依据版本 — which item, and the legal-basis version to add",
  fields: (t) => ({
    itemCode: t.string({ required: true, description: ITEM_CODE }),
    basis: t.field({ type: LegalBasisInput, required: true, description: "执法依据 — the version to add" }),
  }),
});

const UpdateItemPayload = recordPayload("UpdateItemPayload", {
  description: "修改事项目录结果 — the item as changed",
  field: "item",
  type: EnforcementItemRef,
  fieldDescription: "执法事项 — the item with its new version (unchanged fields as they were)",
});

const AddLegalBasisPayload = recordPayload("AddLegalBasisPayload", {
  description: "新增执法依据结果 — the legal-basis version added",
  field: "legalBasis",
  type: LegalBasisRef,
  fieldDescription: "执法依据 — the version added, with the defaults filled",
});

builder.mutationFields((t) => ({
  updateItem: t.field({
    type: UpdateItemPayload,
    description: "修改事项目录 — change an item's catalog fields (管委会); bumps its version and emits item.changed",
    authScopes: CATALOG_WRITE,
    args: { input: t.arg({ type: UpdateItemInput, required: true, description: "输入 — the item and its changes" }) },
    resolve: async (_root, { input }, ctx) => {
      const item = await updateItem(ctx, input.itemCode, input.changes);
      return { item: await ctx.prisma.enforcementItem.findUniqueOrThrow({ where: { code: item.code } }) };
    },
  }),
  addLegalBasis: t.field({
    type: AddLegalBasisPayload,
    description: "新增执法依据版本 — add a legal-basis version to an item (管委会); closes nothing, emits item.changed",
    authScopes: CATALOG_WRITE,
    args: {
      input: t.arg({ type: AddLegalBasisInput, required: true, description: "输入 — the item and the new basis" }),
    },
    resolve: async (_root, { input }, ctx) => ({ legalBasis: await addLegalBasis(ctx, input.itemCode, input.basis) }),
  }),
}));
