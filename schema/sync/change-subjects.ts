/**
 * 变更对象 — what a change is about, typed: the `subject` of a Change. Each is read from the change's
 * payload AFTER the stream's masking (./rules/visibility.ts), so a subscriber sees exactly the personal
 * data it saw before in `payload`, now with types. Kinds without a typed subject answer null.
 */
import { builder } from "../builder.ts";
import { isJurisdiction, type Jurisdiction } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { fenFromYuanText } from "../common/money.ts";
import { parseIsoDate } from "../common/rules/calendar.ts";
import { TaskStateEnum } from "../dispatch/types.ts";
import { CreditGradeEnum, OfficerStatusEnum } from "../libraries/types.ts";
import {
  SUPERVISION_FIELD_DESCRIPTIONS as D,
  INSPECTION_MODES,
  InspectionModeEnum,
  LENIENT_KINDS,
  LenientKindEnum,
} from "../records/supervision-fields.ts";
import { RecordKindEnum } from "../records/types.ts";

type Data = Record<string, unknown>;

export type Subject =
  | { type: "ChangedRecord"; data: Data }
  | { type: "ChangedOfficer"; data: Data }
  | { type: "ChangedEnterprise"; data: Data }
  | { type: "ChangedTask"; data: Data };

const SUBJECT_OF_KIND: Readonly<Record<string, Subject["type"]>> = {
  "record.upserted": "ChangedRecord",
  "officer.upserted": "ChangedOfficer",
  "enterprise.upserted": "ChangedEnterprise",
  "dispatch.task": "ChangedTask",
};

/** The typed subject of a (masked) change, or null when its kind has none. */
export function subjectOf(kind: string, payload: unknown): Subject | null {
  const type = Object.hasOwn(SUBJECT_OF_KIND, kind) ? SUBJECT_OF_KIND[kind] : undefined;
  return type && isData(payload) ? { type, data: payload } : null;
}

const isData = (value: unknown): value is Data => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (d: Data, key: string): string | null => (typeof d[key] === "string" ? (d[key] as string) : null);
const int = (d: Data, key: string): number | null => (Number.isSafeInteger(d[key]) ? (d[key] as number) : null);
const texts = (d: Data, key: string): string[] =>
  Array.isArray(d[key]) ? (d[key] as unknown[]).filter((v): v is string => typeof v === "string") : [];
const nested = (d: Data, key: string): Data => (isData(d[key]) ? (d[key] as Data) : {});
const list = (d: Data, key: string): Data[] => (Array.isArray(d[key]) ? (d[key] as unknown[]).filter(isData) : []);
const jurisdiction = (d: Data, key: string): Jurisdiction | null => {
  const value = d[key];
  return typeof value === "string" && isJurisdiction(value) ? value : null;
};
const instant = (d: Data, key: string): Date | null => {
  const value = text(d, key);
  const date = value === null ? null : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date : null;
};
const bool = (d: Data, key: string): boolean | null => (typeof d[key] === "boolean" ? (d[key] as boolean) : null);
const day = (d: Data, key: string): Date | null => {
  const value = text(d, key);
  return value === null ? null : parseIsoDate(value);
};
const oneOf = <T extends string>(values: readonly T[], d: Data, key: string): T | null =>
  values.find((v) => v === d[key]) ?? null;

/** a field the gateway always writes (and the mask keeps): its absence is a bug, not data */
function required<T>(value: T | null, field: string): T {
  if (value === null) throw new Error(`change payload without ${field}`);
  return value;
}

const MASKED = "personal data in it is masked unless the subscriber may read it in clear (docs/security.md)";

const ChangedRecordRef = builder.objectRef<Data>("ChangedRecord").implement({
  description: `变更的执法记录 — an enforcement record as it was written (record.upserted); ${MASKED}`,
  fields: (t) => ({
    id: t.id({ description: "the gateway's id of the record", resolve: (d) => text(d, "id") ?? "" }),
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — the province whose record it is",
      resolve: (d) => required(jurisdiction(d, "origin"), "origin"),
    }),
    originId: t.string({ description: "its id on its platform", resolve: (d) => text(d, "originId") ?? "" }),
    version: t.int({
      description: "its version on its platform",
      resolve: (d) => required(int(d, "version"), "version"),
    }),
    kind: t.field({
      type: RecordKindEnum,
      description: "记录类型 — inspection or penalty decision",
      resolve: (d) => required(oneOf(["INSPECTION", "PENALTY_DECISION"] as const, d, "kind"), "kind"),
    }),
    itemCode: t.string({
      nullable: true,
      description: "统一事项编码 — unified item code",
      resolve: (d) => text(d, "itemCode"),
    }),
    enterpriseUscc: t.string({
      nullable: true,
      description: "统一社会信用代码 — the enterprise's USCC",
      resolve: (d) => text(d, "enterpriseUscc"),
    }),
    officerCertificates: t.stringList({
      description: "执法证号 — certificate numbers of the officers",
      resolve: (d) => texts(d, "officerCertificates"),
    }),
    occurredAt: t.field({
      type: "DateTime",
      description: "发生时间 — when the inspection or the act happened",
      resolve: (d) => required(instant(d, "occurredAt"), "occurredAt"),
    }),
    decidedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "决定时间 — when the penalty was decided (decisions only)",
      resolve: (d) => instant(d, "decidedAt"),
    }),
    fineYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "罚款金额（元） — the fine (decisions only)",
      resolve: (d) => {
        const yuan = text(d, "fineYuan");
        return yuan === null ? null : fenFromYuanText(yuan);
      },
    }),
    result: t.string({
      nullable: true,
      description: `检查结果 — the result as written; ${MASKED}`,
      resolve: (d) => text(d, "result"),
    }),
    findings: t.string({
      nullable: true,
      description: `检查发现 — findings; ${MASKED}`,
      resolve: (d) => text(d, "findings"),
    }),
    taskId: t.id({
      nullable: true,
      description: "联合检查任务 — the joint task it answers",
      resolve: (d) => text(d, "taskId"),
    }),
    department: t.string({ nullable: true, description: D.department, resolve: (d) => text(d, "department") }),
    inspectionMode: t.field({
      type: InspectionModeEnum,
      nullable: true,
      description: D.inspectionMode,
      resolve: (d) => oneOf(INSPECTION_MODES, d, "inspectionMode"),
    }),
    onSite: t.boolean({ nullable: true, description: D.onSite, resolve: (d) => bool(d, "onSite") }),
    resultPublishedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: D.resultPublishedAt,
      resolve: (d) => instant(d, "resultPublishedAt"),
    }),
    codeScanned: t.boolean({ nullable: true, description: D.codeScanned, resolve: (d) => bool(d, "codeScanned") }),
    lenientKind: t.field({
      type: LenientKindEnum,
      nullable: true,
      description: D.lenientKind,
      resolve: (d) => oneOf(LENIENT_KINDS, d, "lenientKind"),
    }),
    payload: t.field({
      type: "JSON",
      nullable: true,
      description: `扩展字段 — the platform's own extra fields, as a JSON object; ${MASKED}`,
      resolve: (d) => (isData(d.payload) ? d.payload : null),
    }),
  }),
});

const ChangedOfficerStateRef = builder.objectRef<Data>("ChangedOfficerState").implement({
  description: `执法人员（变更后） — the officer after the write; ${MASKED}`,
  fields: (t) => ({
    certificateNumber: t.string({ description: "执法证号", resolve: (d) => text(d, "certificateNumber") ?? "" }),
    name: t.string({ nullable: true, description: "姓名", resolve: (d) => text(d, "name") }),
    homeJurisdiction: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "所属辖区 — home jurisdiction",
      resolve: (d) => jurisdiction(d, "homeJurisdiction"),
    }),
    unit: t.string({ nullable: true, description: "所在单位", resolve: (d) => text(d, "unit") }),
    status: t.field({
      type: OfficerStatusEnum,
      nullable: true,
      description: "在岗状态",
      resolve: (d) => oneOf(["ACTIVE", "SUSPENDED", "RETIRED"] as const, d, "status"),
    }),
    certificateValidFrom: t.field({
      type: "Date",
      nullable: true,
      description: "证件生效日 (inclusive)",
      resolve: (d) => day(d, "certificateValidFrom"),
    }),
    certificateValidTo: t.field({
      type: "Date",
      nullable: true,
      description: "证件有效期至 — last day of validity (inclusive)",
      resolve: (d) => day(d, "certificateValidTo"),
    }),
    qualifiedDomains: t.stringList({
      description: "执法领域资格 — domain codes",
      resolve: (d) => texts(d, "qualifiedDomains"),
    }),
    idNumber: t.string({ nullable: true, description: `公民身份号码; ${MASKED}`, resolve: (d) => text(d, "idNumber") }),
    phone: t.string({ nullable: true, description: `联系电话; ${MASKED}`, resolve: (d) => text(d, "phone") }),
    homeAddress: t.string({ nullable: true, description: `住址; ${MASKED}`, resolve: (d) => text(d, "homeAddress") }),
    version: t.int({
      nullable: true,
      description: "the home platform's version now stored",
      resolve: (d) => int(d, "version"),
    }),
  }),
});

const ChangedEnterpriseStateRef = builder.objectRef<Data>("ChangedEnterpriseState").implement({
  description: `执法对象（变更后） — the enterprise after the write; ${MASKED}`,
  fields: (t) => ({
    uscc: t.string({ description: "统一社会信用代码", resolve: (d) => text(d, "uscc") ?? "" }),
    name: t.string({ nullable: true, description: "企业名称", resolve: (d) => text(d, "name") }),
    registeringJurisdiction: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "登记地 — the registering jurisdiction (owner of the registration fields)",
      resolve: (d) => jurisdiction(d, "registeringJurisdiction"),
    }),
    registrationProvisional: t.boolean({
      nullable: true,
      description: "登记信息暂存 — registration fields written by the other province until the owner writes",
      resolve: (d) => (typeof d.registrationProvisional === "boolean" ? d.registrationProvisional : null),
    }),
    park: t.string({ nullable: true, description: "所在园区", resolve: (d) => text(d, "park") }),
    town: t.string({ nullable: true, description: "所在镇", resolve: (d) => text(d, "town") }),
    divisionCode: t.string({ nullable: true, description: "行政区划代码", resolve: (d) => text(d, "divisionCode") }),
    industry: t.string({ nullable: true, description: "行业", resolve: (d) => text(d, "industry") }),
    creditGrade: t.field({
      type: CreditGradeEnum,
      nullable: true,
      description: "信用等级 — the registering jurisdiction's grade (or the other's while it has none)",
      resolve: (d) => oneOf(["A", "B", "C", "D"] as const, d, "creditGrade"),
    }),
    creditGradeCq: t.field({
      type: CreditGradeEnum,
      nullable: true,
      description: "重庆信用等级 — Chongqing's grade",
      resolve: (d) => oneOf(["A", "B", "C", "D"] as const, d, "creditGradeCq"),
    }),
    creditGradeSc: t.field({
      type: CreditGradeEnum,
      nullable: true,
      description: "四川信用等级 — Sichuan's grade",
      resolve: (d) => oneOf(["A", "B", "C", "D"] as const, d, "creditGradeSc"),
    }),
    legalRepresentative: t.string({
      nullable: true,
      description: `法定代表人; ${MASKED}`,
      resolve: (d) => text(d, "legalRepresentative"),
    }),
    address: t.string({ nullable: true, description: `地址; ${MASKED}`, resolve: (d) => text(d, "address") }),
    version: t.int({
      nullable: true,
      description: "the registering jurisdiction's version",
      resolve: (d) => int(d, "version"),
    }),
  }),
});

type DataFields = Parameters<
  NonNullable<Parameters<ReturnType<typeof builder.objectRef<Data>>["implement"]>[0]["fields"]>
>[0];

/** what every library write says, officer or enterprise: who wrote it and which fields changed */
const libraryWriteFields = (t: DataFields) => ({
  writer: t.field({
    type: JurisdictionEnum,
    nullable: true,
    description: "写入方 — who wrote it: the province, or GZ correcting",
    resolve: (d) => jurisdiction(d, "writer"),
  }),
  changedFields: t.stringList({
    description: "变更字段 — the fields this write changed",
    resolve: (d) => texts(d, "changedFields"),
  }),
});

const ChangedOfficerRef = builder.objectRef<Data>("ChangedOfficer").implement({
  description: "人员库变更 — an officer written (officer.upserted)",
  fields: (t) => ({
    key: t.string({ description: "执法证号 — the certificate number", resolve: (d) => text(d, "key") ?? "" }),
    ...libraryWriteFields(t),
    officer: t.field({
      type: ChangedOfficerStateRef,
      description: "the officer after the write",
      resolve: (d) => nested(d, "state"),
    }),
  }),
});

const ChangedEnterpriseRef = builder.objectRef<Data>("ChangedEnterprise").implement({
  description: "对象库变更 — an enterprise written (enterprise.upserted)",
  fields: (t) => ({
    key: t.string({ description: "统一社会信用代码 — the USCC", resolve: (d) => text(d, "key") ?? "" }),
    ...libraryWriteFields(t),
    enterprise: t.field({
      type: ChangedEnterpriseStateRef,
      description: "the enterprise after the write",
      resolve: (d) => nested(d, "state"),
    }),
  }),
});

const ChangedTaskOfficerRef = builder.objectRef<Data>("ChangedTaskOfficer").implement({
  description: "检查组成员 — one officer of the task's team",
  fields: (t) => ({
    certificateNumber: t.string({ description: "执法证号", resolve: (d) => text(d, "certificateNumber") ?? "" }),
    jurisdiction: t.field({
      type: JurisdictionEnum,
      description: "所属辖区 — the officer's home jurisdiction",
      resolve: (d) => required(jurisdiction(d, "jurisdiction"), "jurisdiction"),
    }),
  }),
});

const ChangedTaskResultRef = builder.objectRef<Data>("ChangedTaskResult").implement({
  description: `检查结果 — one item's result of the task; ${MASKED}`,
  fields: (t) => ({
    itemCode: t.string({ description: "统一事项编码", resolve: (d) => text(d, "itemCode") ?? "" }),
    result: t.string({ nullable: true, description: "COMPLIANT or NON_COMPLIANT", resolve: (d) => text(d, "result") }),
    findings: t.string({ nullable: true, description: `检查发现; ${MASKED}`, resolve: (d) => text(d, "findings") }),
    recordedBy: t.string({
      nullable: true,
      description: "the certificate number that recorded it",
      resolve: (d) => text(d, "recordedBy"),
    }),
    jurisdiction: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "the recording officer's jurisdiction",
      resolve: (d) => jurisdiction(d, "jurisdiction"),
    }),
  }),
});

const ChangedTaskEnterpriseRef = builder.objectRef<Data>("ChangedTaskEnterprise").implement({
  description: "检查对象 — the enterprise a joint task visits",
  fields: (t) => ({
    uscc: t.string({ description: "统一社会信用代码", resolve: (d) => required(text(d, "uscc"), "enterprise.uscc") }),
    name: t.string({ nullable: true, description: "企业名称", resolve: (d) => text(d, "name") }),
  }),
});

const ChangedTaskRef = builder.objectRef<Data>("ChangedTask").implement({
  description:
    "联合检查任务变更 — a joint inspection task at its version (dispatch.task): apply it idempotently by version",
  fields: (t) => ({
    id: t.id({ description: "the task's id (InspectionTask.id)", resolve: (d) => text(d, "taskId") ?? "" }),
    version: t.int({
      description: "the task's version; a version already applied is a no-op",
      resolve: (d) => required(int(d, "version"), "version"),
    }),
    state: t.field({
      type: TaskStateEnum,
      description: "任务状态",
      resolve: (d) =>
        required(oneOf(["PLANNED", "DISPATCHED", "IN_PROGRESS", "DONE", "CANCELLED"] as const, d, "state"), "state"),
    }),
    enterprise: t.field({
      type: ChangedTaskEnterpriseRef,
      description: "执法对象 — the enterprise visited",
      resolve: (d) => nested(d, "enterprise"),
    }),
    itemCodes: t.stringList({
      description: "统一事项编码 — the items of the visit",
      resolve: (d) => texts(d, "itemCodes"),
    }),
    domains: t.stringList({
      description: "执法领域 — domains the team must be qualified for",
      resolve: (d) => texts(d, "domains"),
    }),
    visitFrom: t.field({
      type: "Date",
      description: "first Beijing day of the visit (inclusive)",
      resolve: (d) => required(day(d, "visitFrom"), "visitFrom"),
    }),
    visitTo: t.field({
      type: "Date",
      description: "last Beijing day of the visit (inclusive)",
      resolve: (d) => required(day(d, "visitTo"), "visitTo"),
    }),
    officers: t.field({
      type: [ChangedTaskOfficerRef],
      description: "检查组 — the team, in pick order",
      resolve: (d) => list(d, "officers"),
    }),
    inspectionCode: t.string({
      nullable: true,
      description: "执法码 — the signed code; null before dispatch",
      resolve: (d) => text(d, "inspectionCode"),
    }),
    codeRevoked: t.boolean({
      description: "the code is revoked (also when the task is cancelled): platforms must withdraw it",
      resolve: (d) => d.codeRevoked === true,
    }),
    results: t.field({
      type: [ChangedTaskResultRef],
      description: "results recorded so far",
      resolve: (d) => list(d, "results"),
    }),
    jurisdictions: t.field({
      type: [JurisdictionEnum],
      description: "the jurisdictions whose officers are on the team (who receives this change)",
      resolve: (d) => texts(d, "jurisdictions").filter(isJurisdiction),
    }),
  }),
});

const REFS = {
  ChangedRecord: ChangedRecordRef,
  ChangedOfficer: ChangedOfficerRef,
  ChangedEnterprise: ChangedEnterpriseRef,
  ChangedTask: ChangedTaskRef,
} as const;

export const ChangeSubjectUnion = builder.unionType("ChangeSubject", {
  description:
    "变更对象 — what a change is about, with its fields as written (masked per subscriber): a record, an officer, an enterprise or a joint task",
  types: [ChangedRecordRef, ChangedOfficerRef, ChangedEnterpriseRef, ChangedTaskRef],
  resolveType: (data) => REFS[(data as unknown as { __subject: Subject["type"] }).__subject],
});

/** The union's value: the data, tagged with its type for resolveType. */
export function subjectValue(subject: Subject): Data {
  return { ...subject.data, __subject: subject.type };
}
