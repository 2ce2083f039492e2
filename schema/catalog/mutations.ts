/** Catalog writes for the committee (catalog:write): item fields and legal-basis versions, each an `item.changed`. */
import { builder } from "../builder.ts";
import { addLegalBasis, updateItem } from "./catalog-changes.ts";
import { itemUpdate, newLegalBasis, parseInput } from "./catalog-inputs.ts";
import { LegalBasisRoleEnum } from "./types.ts";

const UpdateItemInput = builder.inputType("UpdateItemInput", {
  description: "Catalog fields of an item; an absent field is left as it is",
  fields: (t) => ({
    name: t.string({ required: false }),
    cqCode: t.string({ required: false, description: "重庆目录编码" }),
    cqName: t.string({ required: false }),
    scCode: t.string({ required: false, description: "四川目录编码" }),
    scName: t.string({ required: false }),
    empoweredTo: t.field({ type: "Date", required: false, description: "last day empowered; null: no end" }),
    note: t.string({ required: false, description: "null clears the note" }),
  }),
});

const LegalBasisInput = builder.inputType("LegalBasisInput", {
  description: "执法依据 — one version of a legal basis; unknown article numbers stay null",
  fields: (t) => ({
    role: t.field({ type: LegalBasisRoleEnum, required: true }),
    lawName: t.string({ required: true, description: "e.g. 中华人民共和国生态环境法典" }),
    lawVersion: t.string({ required: false }),
    article: t.int({ required: false, description: "条 — leave null when not known" }),
    clause: t.int({ required: false, description: "款" }),
    subItem: t.int({ required: false, description: "项" }),
    citation: t.string({ required: false, description: "as written, e.g. 第一百一十二条第(三)项" }),
    summary: t.string({ required: false }),
    effectiveFrom: t.field({ type: "Date", required: true }),
    effectiveTo: t.field({ type: "Date", required: false, description: "last day in force; null: open" }),
    verified: t.boolean({ required: false, description: "default: true when the article is given" }),
    note: t.string({ required: false }),
  }),
});

/** GraphQL sends explicit nulls; for addLegalBasis a null means "not given" (zod defaults apply). */
const withoutNulls = (input: object) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));

builder.mutationFields((t) => ({
  updateItem: t.prismaField({
    type: "EnforcementItem",
    description: "修改事项目录 — change an item's catalog fields (管委会); bumps its version and emits item.changed",
    authScopes: { $all: { issuer: "gz", scope: "catalog:write" } },
    args: {
      code: t.arg.string({ required: true, description: "unified, Chongqing or Sichuan code" }),
      input: t.arg({ type: UpdateItemInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const item = await updateItem(ctx, args.code, parseInput(itemUpdate, { ...args.input }));
      return ctx.prisma.enforcementItem.findUniqueOrThrow({ ...query, where: { code: item.code } });
    },
  }),
  addLegalBasis: t.prismaField({
    type: "LegalBasis",
    description: "新增执法依据版本 — add a legal-basis version to an item (管委会); closes nothing, emits item.changed",
    authScopes: { $all: { issuer: "gz", scope: "catalog:write" } },
    args: {
      itemCode: t.arg.string({ required: true, description: "unified, Chongqing or Sichuan code" }),
      input: t.arg({ type: LegalBasisInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const basis = await addLegalBasis(ctx, args.itemCode, parseInput(newLegalBasis, withoutNulls(args.input)));
      return ctx.prisma.legalBasis.findUniqueOrThrow({ ...query, where: { id: basis.id } });
    },
  }),
}));
