/**
 * `upsertOfficers` / `upsertEnterprises` — a province pushes its library records in batches (人员库 /
 * 对象库); 管委会 (gz) corrects either province's records. The origin comes from the token, never from
 * the input. Each record is reported: APPLIED, UNCHANGED (a replay) or SUPERSEDED (an older version,
 * kept in history) when accepted; its problem's code (USCC_CHECK_CHAR, FORBIDDEN, …) when refused.
 */
import { builder } from "../builder.ts";
import { upsertEnterprises } from "./enterprise-upsert.ts";
import { BATCH_LIMIT, type BatchPayload, type RecordResult } from "./library-batch.ts";
import { upsertOfficers } from "./officer-upsert.ts";

const OfficerInput = builder.inputType("OfficerInput", {
  description: "执法人员 as the home jurisdiction's platform knows it; the home jurisdiction is the token's issuer",
  fields: (t) => ({
    certificateNumber: t.string({ required: true, description: "执法证号 — the key" }),
    name: t.string({ required: true }),
    version: t.int({ required: true, description: "the origin's version of this record; only a newer one changes it" }),
    unit: t.string({ required: false, description: "所在单位" }),
    status: t.string({ required: false, description: "ACTIVE (default) | SUSPENDED | RETIRED" }),
    certificateValidFrom: t.field({ type: "Date", required: false }),
    certificateValidTo: t.field({ type: "Date", required: false, description: "last day of validity (inclusive)" }),
    qualifiedDomains: t.stringList({ required: false, description: "执法领域资格 — domain codes, e.g. EMERGENCY" }),
    idNumber: t.string({ required: false, description: "公民身份号码 (GB 11643)" }),
    phone: t.string({ required: false }),
    homeAddress: t.string({ required: false }),
  }),
});

const EnterpriseInput = builder.inputType("EnterpriseInput", {
  description:
    "执法对象 as a province's platform knows it. The registering jurisdiction's write sets the registration fields; the other province's sets its own credit grade (and the registration fields only provisionally, until the registering one writes)",
  fields: (t) => ({
    uscc: t.string({ required: true, description: "统一社会信用代码 (GB 32100) — the key" }),
    name: t.string({ required: true }),
    version: t.int({ required: true, description: "the writing province's version of this record" }),
    park: t.string({ required: false, description: "所在园区" }),
    town: t.string({ required: false, description: "所在镇" }),
    divisionCode: t.string({ required: false, description: "行政区划代码 of its location, in force today" }),
    industry: t.string({ required: false }),
    creditGrade: t.string({ required: false, description: "the writing province's 信用等级: A | B | C | D" }),
    legalRepresentative: t.string({ required: false }),
    address: t.string({ required: false }),
  }),
});

const RecordResultRef = builder.objectRef<RecordResult>("LibraryRecordResult").implement({
  description: "What became of one record of the batch",
  fields: (t) => ({
    key: t.exposeString("key", { description: "certificate number or USCC" }),
    ok: t.exposeBoolean("ok", {
      description: "accepted (stored, or already stored, or kept in history as superseded)",
    }),
    code: t.exposeString("code", {
      description: "APPLIED | UNCHANGED | SUPERSEDED when ok; otherwise the problem, e.g. USCC_CHECK_CHAR, FORBIDDEN",
    }),
    message: t.exposeString("message"),
  }),
});

const PayloadRef = builder.objectRef<BatchPayload>("LibraryUpsertPayload").implement({
  description: "Per-record results of a batch, in input order; refused records were not stored",
  fields: (t) => ({
    accepted: t.exposeInt("accepted"),
    rejected: t.exposeInt("rejected"),
    results: t.field({ type: [RecordResultRef], resolve: (p) => p.results }),
  }),
});

builder.mutationFields((t) => ({
  upsertOfficers: t.field({
    type: PayloadRef,
    description: `人员库 — upsert officers by certificate number, at most ${BATCH_LIMIT} per request. A province writes only its own officers; 管委会 corrects any (audited)`,
    authScopes: { scope: "libraries:write" },
    args: { records: t.arg({ type: [OfficerInput], required: true }) },
    resolve: (_root, args, ctx) => upsertOfficers(ctx, args.records),
  }),
  upsertEnterprises: t.field({
    type: PayloadRef,
    description: `对象库 — upsert enterprises by USCC, at most ${BATCH_LIMIT} per request, reconciled across provinces by field ownership and version`,
    authScopes: { scope: "libraries:write" },
    args: { records: t.arg({ type: [EnterpriseInput], required: true }) },
    resolve: (_root, args, ctx) => upsertEnterprises(ctx, args.records),
  }),
}));
