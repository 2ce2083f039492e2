/**
 * Shapes of the catalog seed data (事项库 and 裁量基准). Field names follow prisma/schema.prisma
 * (Domain, EnforcementItem, LegalBasis, Benchmark); benchmark bodies follow
 * schema/benchmarks/rules/types.ts. Dates are calendar days, "YYYY-MM-DD".
 */
import type { StatutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import type { BenchmarkBody } from "../../../schema/benchmarks/rules/types.ts";

export type ItemKind = "PENALTY" | "INSPECTION" | "COERCION";
export type EmpowermentMode = "AUTHORIZED" | "ENTRUSTED";
export type LegalBasisRole = "SETTING" | "IMPLEMENTING" | "DUTY" | "PENALTY";
export type BenchmarkSource = "gz" | "cq" | "sc";

/** 执法领域 */
export interface SeedDomain {
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
}

/** 执法依据: unknown numbers stay null and `verified` is false (never an invented article). */
export interface SeedLegalBasis {
  role: LegalBasisRole;
  lawName: string;
  lawVersion: string | null;
  article: number | null;
  clause: number | null;
  subItem: number | null;
  /** e.g. "第九十七条第(四)项", or "" when the article is unknown */
  citation: string;
  summary: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  verified: boolean;
  note: string | null;
  /** 法定罚款幅度 of a penalty norm, from the statute's text (null: a duty, or no fine in this article) */
  statutoryFine: StatutoryFine | null;
  /** this article provides 按日连续处罚 for the item's act */
  dailyFine: boolean;
}

/** 裁量基准: `gz` is the unified one, `cq` / `sc` the provincial inputs of the 有利相对人 merge. */
export interface SeedBenchmark {
  source: BenchmarkSource;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** 违法行为 */
  violation: string;
  body: BenchmarkBody;
  illustrative: boolean;
  note: string | null;
}

/** 执法事项 */
export interface SeedItem {
  /** "GZ-001" … "GZ-125" */
  code: string;
  name: string;
  kind: ItemKind;
  domainCode: string;
  cqCode: string;
  cqName: string;
  scCode: string;
  scName: string;
  empowermentMode: EmpowermentMode;
  /** in whose name the committee acts (委托 → the entrusting body, 行政处罚法 第20条) */
  actingName: string;
  /** 赋权范围 */
  scope: string;
  /** 原行使部门 */
  originalDepartment: string;
  empoweredFrom: string;
  empoweredTo: string | null;
  illustrative: boolean;
  note: string | null;
  legalBases: SeedLegalBasis[];
  benchmarks: SeedBenchmark[];
}
