/**
 * A province's own file on an enterprise (schema/federation/province-subgraph.graphql): its cases there
 * with their documents, its licences, open rectification orders (责令整改) and credit-repair state
 * (信用修复). Generated, deterministic: the same enterprise and province always give the same file (a
 * PRNG seeded from both), so tests and demos can rely on it. The platform holds a file on an enterprise
 * registered in it or graded by it (prisma/seed/data/enterprises.ts); on any other, none (null).
 */
import { enterprises, type SeedEnterprise } from "../../../prisma/seed/data/enterprises.ts";
import type { Province } from "./model.ts";
import { Prng } from "./prng.ts";

export type CaseStage = "FILED" | "INVESTIGATING" | "NOTIFIED" | "DECIDED" | "ENFORCING" | "CLOSED";
export type CreditRepairState = "NOT_NEEDED" | "NOT_APPLIED" | "UNDER_REVIEW" | "REPAIRED" | "REFUSED";

export interface ProvincialFile {
  province: Province;
  cases: {
    caseNumber: string;
    subject: string;
    stage: CaseStage;
    filedOn: string;
    authority: string;
    contactName: string;
    contactPhone: string;
    documents: { number: string; kind: string; issuedOn: string }[];
  }[];
  licences: { number: string; name: string; validFrom: string; validTo: string; status: string }[];
  openRectificationOrders: { number: string; matter: string; issuedOn: string; deadline: string; overdue: boolean }[];
  creditRepair: { state: CreditRepairState; appliedOn: string | null; note: string | null };
  asOf: string;
}

const STAGES: readonly CaseStage[] = ["FILED", "INVESTIGATING", "NOTIFIED", "DECIDED", "ENFORCING", "CLOSED"];
/** the documents a case has by the time it reaches each stage, in order */
const DOCUMENTS_BY_STAGE: readonly string[] = [
  "立案审批表",
  "现场检查笔录",
  "行政处罚告知书",
  "行政处罚决定书",
  "催告书",
  "结案审批表",
];
const SUBJECTS = [
  "未按规定开展安全生产教育培训",
  "危险化学品储存不符合国家标准",
  "超标排放大气污染物",
  "未依法取得排污许可证排放污染物",
  "特种设备未经定期检验继续使用",
  "生产销售不符合食品安全标准的食品",
];
const LICENCES = ["安全生产许可证", "排污许可证", "食品生产许可证", "特种设备使用登记证", "危险化学品经营许可证"];
const MATTERS = [
  "消防通道堆放杂物，限期清理",
  "应急预案未备案，限期备案",
  "废气收集设施破损，限期修复",
  "特种设备作业人员无证上岗，限期整改",
  "危废暂存间未设标识，限期设置",
];
const SURNAMES = "王李张刘陈杨黄赵周吴";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "勇", "军"];

const PROVINCE_TEXT: Readonly<
  Record<Province, { short: string; authority: readonly string[]; licencePrefix: string }>
> = {
  cq: {
    short: "渝",
    authority: ["重庆市北碚区应急管理局", "重庆市北碚区生态环境局", "重庆市北碚区市场监督管理局"],
    licencePrefix: "渝",
  },
  sc: {
    short: "川",
    authority: ["邻水县应急管理局", "广安市邻水生态环境局", "邻水县市场监督管理局"],
    licencePrefix: "川",
  },
};

/** days since 2026-01-01 as YYYY-MM-DD: the generated dates are fixed, not moving with the clock */
const BASE_DAY = Date.UTC(2026, 0, 1);
const day = (offset: number) => new Date(BASE_DAY + offset * 86_400_000).toISOString().slice(0, 10);

/** FNV-1a of the text: a stable seed per (province, enterprise) */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const byUscc = new Map(enterprises.map((e) => [e.uscc, e]));

/** whether the province's platform keeps a file on the enterprise */
function holdsFile(enterprise: SeedEnterprise, province: Province): boolean {
  const grade = province === "cq" ? enterprise.creditGradeCq : enterprise.creditGradeSc;
  return enterprise.registeringJurisdiction === province || grade !== null;
}

/** The province's file on `uscc`, or null when it keeps none. `now` decides only `overdue` and `asOf`. */
export function provincialFile(province: Province, uscc: string, now: number): ProvincialFile | null {
  const enterprise = byUscc.get(uscc);
  if (!enterprise || !holdsFile(enterprise, province)) return null;
  const prng = new Prng(seedOf(`${province}:${uscc}`));
  const text = PROVINCE_TEXT[province];
  const serial = uscc.slice(-6, -2);
  const today = day(Math.floor((now - BASE_DAY) / 86_400_000));

  const cases = Array.from({ length: prng.int(0, 3) }, (_, i) => {
    const stageIndex = prng.int(0, STAGES.length - 1);
    const filed = prng.int(0, 300);
    const authority = prng.pick(text.authority);
    const caseNumber = `${text.short}${authority.slice(-5, -3)}案〔2026〕${serial}${i + 1}号`;
    return {
      caseNumber,
      subject: prng.pick(SUBJECTS),
      stage: STAGES[stageIndex] as CaseStage,
      filedOn: day(filed),
      authority,
      contactName: `${prng.pick([...SURNAMES])}${prng.pick(GIVEN)}`,
      contactPhone: `1${prng.int(3, 9)}${String(prng.int(0, 999_999_999)).padStart(9, "0")}`,
      documents: DOCUMENTS_BY_STAGE.slice(0, stageIndex + 1).map((kind, k) => ({
        number: `${caseNumber.replace(/号$/, "")}-${k + 1}号`,
        kind,
        issuedOn: day(filed + k * 7),
      })),
    };
  }).sort((a, b) => b.filedOn.localeCompare(a.filedOn));

  const licences = Array.from({ length: prng.int(1, 2) }, (_, i) => {
    const from = prng.int(-1000, 200);
    return {
      number: `${text.licencePrefix}${prng.int(10, 99)}${serial}${i}`,
      name: prng.pick(LICENCES),
      validFrom: day(from),
      validTo: day(from + 3 * 365 - 1),
      status: prng.chance(0.1) ? "SUSPENDED" : "VALID",
    };
  });

  const openRectificationOrders = Array.from({ length: prng.int(0, 2) }, (_, i) => {
    const issued = prng.int(200, 330);
    const deadline = day(issued + prng.int(15, 60));
    return {
      number: `${text.short}责改〔2026〕${serial}${i + 1}号`,
      matter: prng.pick(MATTERS),
      issuedOn: day(issued),
      deadline,
      overdue: deadline < today,
    };
  }).sort((a, b) => a.deadline.localeCompare(b.deadline));

  const hasPenalty = cases.some((c) => c.stage === "DECIDED" || c.stage === "ENFORCING" || c.stage === "CLOSED");
  const creditRepair = hasPenalty ? repairOf(prng) : { state: "NOT_NEEDED" as const, appliedOn: null, note: null };

  return { province, cases, licences, openRectificationOrders, creditRepair, asOf: new Date(now).toISOString() };
}

function repairOf(prng: Prng): ProvincialFile["creditRepair"] {
  const state = prng.pick<CreditRepairState>(["NOT_APPLIED", "UNDER_REVIEW", "REPAIRED", "REFUSED"]);
  if (state === "NOT_APPLIED") return { state, appliedOn: null, note: null };
  const note = state === "REFUSED" ? "最短公示期未满，不予修复" : null;
  return { state, appliedOn: day(prng.int(100, 330)), note };
}
