/**
 * Item drafts and the one place that turns them into SeedItems: unified codes GZ-001…, the two
 * provincial catalog codes (illustrative formats of two different systems), acting names and notes.
 */
import type { BenchmarkBody } from "../../../schema/benchmarks/rules/types.ts";
import { basis, EMPOWERED, type Law } from "./legal.ts";
import type { BenchmarkSource, ItemKind, SeedBenchmark, SeedItem, SeedLegalBasis } from "./types.ts";
import { alignedPair, misalignedPair } from "./variants.ts";

/** 授权 (the committee, in its own name) or 委托 by the domain's Chongqing / Sichuan body. */
export type Empowerer = "gz" | "cq" | "sc";

export interface ItemDraft {
  name: string;
  kind: ItemKind;
  domainCode: string;
  by: Empowerer;
  cqName?: string;
  scName?: string;
  empoweredFrom?: string;
  note?: string;
  legalBases: SeedLegalBasis[];
  benchmarks: SeedBenchmark[];
}

export const COMMITTEE = "川渝高竹新区管理委员会";

interface DomainProfile {
  /** segment of the Chongqing code */
  abbr: string;
  originalDepartment: string;
  /** entrusting bodies (illustrative) */
  cq: string;
  sc: string;
  empoweredFrom: string;
}

/** Later domains: an illustrative second batch of empowerment. */
const SECOND_BATCH = "2025-01-01";

export const DOMAIN_PROFILES: Record<string, DomainProfile> = {
  EMERGENCY: {
    abbr: "YJ",
    originalDepartment: "应急管理局（渝北区、邻水县）",
    cq: "重庆市渝北区应急管理局",
    sc: "邻水县应急管理局",
    empoweredFrom: EMPOWERED,
  },
  ECOLOGY: {
    abbr: "ST",
    originalDepartment: "生态环境主管部门（渝北区、邻水县）",
    cq: "重庆市生态环境局",
    sc: "广安市生态环境局",
    empoweredFrom: EMPOWERED,
  },
  PLANNING_RESOURCES: {
    abbr: "ZR",
    originalDepartment: "规划和自然资源主管部门（渝北区、邻水县）",
    cq: "重庆市规划和自然资源局",
    sc: "广安市自然资源和规划局",
    empoweredFrom: EMPOWERED,
  },
  MARKET: {
    abbr: "SJ",
    originalDepartment: "市场监督管理局（渝北区、邻水县）",
    cq: "重庆市渝北区市场监督管理局",
    sc: "邻水县市场监督管理局",
    empoweredFrom: SECOND_BATCH,
  },
  URBAN: {
    abbr: "CG",
    originalDepartment: "城市管理主管部门（渝北区、邻水县）",
    cq: "重庆市渝北区城市管理局",
    sc: "邻水县综合行政执法局",
    empoweredFrom: SECOND_BATCH,
  },
  TRANSPORT: {
    abbr: "JT",
    originalDepartment: "交通运输主管部门（渝北区、邻水县）",
    cq: "重庆市交通运输委员会",
    sc: "邻水县交通运输局",
    empoweredFrom: SECOND_BATCH,
  },
  AGRICULTURE: {
    abbr: "NY",
    originalDepartment: "农业农村主管部门（渝北区、邻水县）",
    cq: "重庆市渝北区农业农村委员会",
    sc: "邻水县农业农村局",
    empoweredFrom: SECOND_BATCH,
  },
  CULTURE_TOURISM: {
    abbr: "WL",
    originalDepartment: "文化和旅游主管部门（渝北区、邻水县）",
    cq: "重庆市渝北区文化和旅游发展委员会",
    sc: "邻水县文化广播电视和旅游局",
    empoweredFrom: SECOND_BATCH,
  },
};

const SCOPE: Record<ItemKind, string> = {
  PENALTY: "行政处罚权以及与其行政处罚权有关的行政检查、行政强制措施",
  INSPECTION: "行政检查权",
  COERCION: "行政强制措施权",
};

export const ILLUSTRATIVE_ITEM =
  "示例事项：高竹新区125项赋权清单未公开，本条为按公开法律与同类清单编制的示例 / illustrative: the official list is not public (docs/law.md)";
const ILLUSTRATIVE_BENCHMARK = "示例基准：高竹新区统一裁量基准未公开 / the unified benchmark is not public";
const YUBEI_ABOLISHED =
  "委托机关所在的渝北区已于2025-11-06撤销（docs/law.md），承继的委托机关待核实 / successor of the entrusting body UNVERIFIED";

export function benchmark(
  source: BenchmarkSource,
  version: number,
  violation: string,
  body: BenchmarkBody,
  note: string,
  effectiveFrom = EMPOWERED,
  effectiveTo: string | null = null,
): SeedBenchmark {
  return { source, version, effectiveFrom, effectiveTo, violation, body, illustrative: true, note };
}

/** The calendar day before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface NextVersion {
  from: string;
  body: BenchmarkBody;
  note: string;
}

export interface PenaltyDraft extends Omit<ItemDraft, "kind" | "benchmarks"> {
  violation: string;
  body: BenchmarkBody;
  /** where the statutory figures come from and how the tiers were split */
  benchmarkNote: string;
  provincial?: "aligned" | "misaligned";
  /** a second unified version (v2) from `from`; v1 ends the day before */
  next?: NextVersion;
}

export function penaltyItem(d: PenaltyDraft): ItemDraft {
  const { violation, body, benchmarkNote, provincial, next, ...item } = d;
  const from = d.empoweredFrom ?? EMPOWERED;
  const note = (s: string) => `${ILLUSTRATIVE_BENCHMARK}；${s}`;
  const pair = provincial === "aligned" ? alignedPair(body) : provincial === "misaligned" ? misalignedPair(body) : null;
  const unified = pair?.gz ?? body;
  const benchmarks = [
    benchmark("gz", 1, violation, unified, note(benchmarkNote), from, next ? dayBefore(next.from) : null),
  ];
  if (next) benchmarks.push(benchmark("gz", 2, violation, next.body, note(next.note), next.from));
  if (pair) {
    const provincialNote = (who: string) =>
      note(`${who}原裁量基准（示例，为演示有利相对人合并而设）；${pair.difference}`);
    benchmarks.push(benchmark("cq", 1, violation, pair.cq, provincialNote("重庆"), from));
    benchmarks.push(benchmark("sc", 1, violation, pair.sc, provincialNote("四川"), from));
  }
  return { ...item, kind: "PENALTY", benchmarks };
}

export function otherItem(
  domainCode: string,
  kind: "INSPECTION" | "COERCION",
  by: Empowerer,
  name: string,
  legalBases: SeedLegalBasis[],
  extra: Partial<Pick<ItemDraft, "cqName" | "scName" | "note" | "empoweredFrom">> = {},
): ItemDraft {
  return { domainCode, kind, by, name, legalBases, benchmarks: [], ...extra };
}

/** An inspection or coercion item implemented under the named laws (articles not given by docs/law.md). */
export function lawItem(
  domainCode: string,
  kind: "INSPECTION" | "COERCION",
  by: Empowerer,
  name: string,
  laws: Law[],
  extra: Partial<Pick<ItemDraft, "cqName" | "scName" | "note" | "empoweredFrom">> = {},
): ItemDraft {
  return otherItem(
    domainCode,
    kind,
    by,
    name,
    laws.map((l) => basis("IMPLEMENTING", l)),
    extra,
  );
}

/** Sichuan's catalog words the same item slightly differently. */
function sichuanName(name: string, kind: ItemKind): string {
  if (kind === "PENALTY") return name.replace(/的行政处罚$/, "的处罚");
  if (kind === "INSPECTION") return name.replace(/的行政检查$/, "的监督检查");
  return name.replace(/的行政强制$/, "的行政强制措施");
}

const CQ_TYPE: Record<ItemKind, string> = { PENALTY: "330200", COERCION: "330300", INSPECTION: "330800" };
const SC_TYPE: Record<ItemKind, string> = { PENALTY: "XZCF", COERCION: "XZQZ", INSPECTION: "XZJC" };
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const later = (a: string, b: string) => (a > b ? a : b);

/** Number the drafts in order and fill in what every item derives from its domain. */
export function finalizeItems(drafts: ItemDraft[]): SeedItem[] {
  const cqTaken = new Set<string>();
  const scCounters = new Map<ItemKind, number>();
  const domainSeq = new Map<string, number>();
  return drafts.map((d, i) => {
    const profile = DOMAIN_PROFILES[d.domainCode];
    if (!profile) throw new Error(`no profile for domain ${d.domainCode}`);
    const empoweredFrom = d.empoweredFrom ?? profile.empoweredFrom;
    const actingName = d.by === "gz" ? COMMITTEE : profile[d.by];

    // Chongqing: CQ-<domain>-<type>-<article>-<item>; non-penalty items number within domain and kind.
    const penaltyBasis = d.legalBases.find((b) => b.role === "PENALTY" && b.article !== null);
    const seqKey = `${d.domainCode}:${d.kind}`;
    const seq = (domainSeq.get(seqKey) ?? 0) + 1;
    domainSeq.set(seqKey, seq);
    const article = penaltyBasis?.article ?? seq;
    let sub = penaltyBasis?.subItem ?? 0;
    const cqCodeOf = () => `CQ-${profile.abbr}-${CQ_TYPE[d.kind]}-${pad(article, 3)}-${pad(sub, 2)}`;
    while (cqTaken.has(cqCodeOf())) sub += 1;
    const cqCode = cqCodeOf();
    cqTaken.add(cqCode);

    // Sichuan: SC-511623-<type>-<sequence within type>
    const scSeq = (scCounters.get(d.kind) ?? 0) + 1;
    scCounters.set(d.kind, scSeq);

    const notes = [ILLUSTRATIVE_ITEM, d.note, actingName.includes("渝北") ? YUBEI_ABOLISHED : undefined];
    return {
      code: `GZ-${pad(i + 1, 3)}`,
      name: d.name,
      kind: d.kind,
      domainCode: d.domainCode,
      cqCode,
      cqName: d.cqName ?? d.name,
      scCode: `SC-511623-${SC_TYPE[d.kind]}-${pad(scSeq, 5)}`,
      scName: d.scName ?? sichuanName(d.name, d.kind),
      empowermentMode: d.by === "gz" ? "AUTHORIZED" : "ENTRUSTED",
      actingName,
      scope: SCOPE[d.kind],
      originalDepartment: profile.originalDepartment,
      empoweredFrom,
      empoweredTo: null,
      illustrative: true,
      note: notes.filter(Boolean).join("；"),
      // a basis of a law already in force applies to this item from its empowerment
      legalBases: d.legalBases.map((b) => ({ ...b, effectiveFrom: later(b.effectiveFrom, empoweredFrom) })),
      benchmarks: d.benchmarks.map((b) => ({ ...b, effectiveFrom: later(b.effectiveFrom, empoweredFrom) })),
    };
  });
}
