/**
 * `upsertOfficers` / `upsertEnterprises` — a province pushes its library records in batches (人员库 /
 * 对象库); 管委会 (gz) corrects either province's records. The origin comes from the token, never from
 * the input. Each record is reported with its WriteOutcome: APPLIED, UNCHANGED (a replay), STALE (not
 * newer, kept in history) or REFUSED with its problem's code (USCC_CHECK_CHAR, FORBIDDEN, …).
 */
import { builder } from "../builder.ts";
import { countOutcomes } from "../sync/rules/write-outcome.ts";
import { OutcomeCountsRef, WriteOutcomeEnum } from "../sync/write-outcome.ts";
import { upsertEnterprises } from "./enterprise-upsert.ts";
import { BATCH_LIMIT, type BatchPayload, type RecordResult } from "./library-batch.ts";
import { upsertOfficers } from "./officer-upsert.ts";

const OfficerInput = builder.inputType("OfficerInput", {
  description: "执法人员 as the home jurisdiction's platform knows it; the home jurisdiction is the token's issuer",
  fields: (t) => ({
    certificateNumber: t.string({ required: true, description: "执法证号 — the key" }),
    name: t.string({ required: true, description: "姓名 — the officer's name" }),
    version: t.int({ required: true, description: "the origin's version of this record; only a newer one changes it" }),
    unit: t.string({ required: false, description: "所在单位" }),
    status: t.string({ required: false, description: "ACTIVE (default) | SUSPENDED | RETIRED" }),
    certificateValidFrom: t.field({
      type: "Date",
      required: false,
      description: "证件生效日 — first day of validity (inclusive)",
    }),
    certificateValidTo: t.field({ type: "Date", required: false, description: "last day of validity (inclusive)" }),
    qualifiedDomains: t.stringList({ required: false, description: "执法领域资格 — domain codes, e.g. EMERGENCY" }),
    idNumber: t.string({ required: false, description: "公民身份号码 (GB 11643)" }),
    phone: t.string({ required: false, description: "联系电话 — personal data: masked for other readers" }),
    homeAddress: t.string({ required: false, description: "住址 — personal data: masked for other readers" }),
  }),
});

const EnterpriseInput = builder.inputType("EnterpriseInput", {
  description:
    "执法对象 as a province's platform knows it. The registering jurisdiction's write sets the registration fields; the other province's sets its own credit grade (and the registration fields only provisionally, until the registering one writes)",
  fields: (t) => ({
    uscc: t.string({ required: true, description: "统一社会信用代码 (GB 32100) — the key" }),
    name: t.string({ required: true, description: "企业名称 — the registered name" }),
    version: t.int({ required: true, description: "the writing province's version of this record" }),
    park: t.string({ required: false, description: "所在园区" }),
    town: t.string({ required: false, description: "所在镇" }),
    divisionCode: t.string({ required: false, description: "行政区划代码 of its location, in force today" }),
    industry: t.string({ required: false, description: "行业 — industry, as the platform names it" }),
    creditGrade: t.string({ required: false, description: "the writing province's 信用等级: A | B | C | D" }),
    legalRepresentative: t.string({ required: false, description: "法定代表人 — legal representative" }),
    address: t.string({ required: false, description: "住所 — registered address" }),
  }),
});

const RecordResultRef = builder.objectRef<RecordResult>("LibraryRecordResult").implement({
  description: "What became of one record of the batch",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: "执法证号 or 统一社会信用代码 — certificate number or USCC, as normalised",
    }),
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: "写入结果 — APPLIED, UNCHANGED, STALE (kept in history) or REFUSED (not stored)",
      resolve: (r) => r.outcome,
    }),
    code: t.exposeString("code", {
      nullable: true,
      description:
        "REFUSED: the problem, e.g. USCC_CHECK_CHAR, FORBIDDEN, VERSION_AHEAD; STALE: VERSION_CONFLICT when this version was stored with other content; otherwise null",
    }),
    message: t.exposeString("message", { description: "what happened, in English, for the platform's log" }),
  }),
});

function payloadRef(name: string, what: string) {
  return builder.objectRef<BatchPayload>(name).implement({
    description: `${what}: per-record results of the batch, in input order; refused records were not stored`,
    fields: (t) => ({
      counts: t.field({
        type: OutcomeCountsRef,
        description: "how many records ended in each outcome",
        resolve: (p) => countOutcomes(p.results),
      }),
      results: t.field({
        type: [RecordResultRef],
        description: "one per input record, in input order",
        resolve: (p) => p.results,
      }),
    }),
  });
}

const UpsertOfficersInput = builder.inputType("UpsertOfficersInput", {
  description: "人员库写入 — a batch of the caller's officers (管委会: corrections of either province's)",
  fields: (t) => ({
    officers: t.field({ type: [OfficerInput], required: true, description: `at most ${BATCH_LIMIT}` }),
  }),
});

const UpsertEnterprisesInput = builder.inputType("UpsertEnterprisesInput", {
  description: "对象库写入 — a batch of enterprises as the caller's platform knows them",
  fields: (t) => ({
    enterprises: t.field({ type: [EnterpriseInput], required: true, description: `at most ${BATCH_LIMIT}` }),
  }),
});

const UpsertOfficersPayload = payloadRef("UpsertOfficersPayload", "人员库写入结果 — officers written");
const UpsertEnterprisesPayload = payloadRef("UpsertEnterprisesPayload", "对象库写入结果 — enterprises written");

builder.mutationFields((t) => ({
  upsertOfficers: t.field({
    type: UpsertOfficersPayload,
    description: `人员库 — upsert officers by certificate number, at most ${BATCH_LIMIT} per request. A province writes only its own officers; 管委会 corrects any (audited)`,
    authScopes: { scope: "libraries:write" },
    args: { input: t.arg({ type: UpsertOfficersInput, required: true, description: "the batch of officers" }) },
    resolve: (_root, { input }, ctx) => upsertOfficers(ctx, input.officers),
  }),
  upsertEnterprises: t.field({
    type: UpsertEnterprisesPayload,
    description: `对象库 — upsert enterprises by USCC, at most ${BATCH_LIMIT} per request, reconciled across provinces by field ownership and version`,
    authScopes: { scope: "libraries:write" },
    args: { input: t.arg({ type: UpsertEnterprisesInput, required: true, description: "the batch of enterprises" }) },
    resolve: (_root, { input }, ctx) => upsertEnterprises(ctx, input.enterprises),
  }),
}));
