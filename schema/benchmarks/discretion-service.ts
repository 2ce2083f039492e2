/**
 * 裁量基准智能匹配 with its inputs: the item (by any of its three codes), its unified benchmark versions and
 * the legal bases in force, then the pure `matchDiscretion`. The matchDiscretion query reads them from the
 * catalog in memory; reportPenaltyDecision and the ingest path from their own transaction. Both measure a
 * case the same way (`discretionOf`).
 *
 * Only the unified (gz) benchmarks are loaded: in the New Area one ruler measures both sides
 * (一把尺子量到底); the provincial benchmarks are inputs of the merge, not rules for a case.
 */
import type { GraphQLError } from "graphql";
import type { Benchmark, EnforcementItem, LegalBasis, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput } from "../../gateway/errors.ts";
import type { CatalogSnapshot } from "../catalog/catalog-read-model.ts";
import { itemByAnyCode } from "../catalog/queries.ts";
import { findItemByAnyCode } from "../catalog/rules/catalog-view.ts";
import { oncePerObject } from "../common/rules/once-per-object.ts";
import { arabicArticles, legalBasisCitation } from "./rules/citation.ts";
import {
  type BenchmarkVersion,
  DiscretionError,
  type DiscretionErrorCode,
  type DiscretionMatch,
  type LegalBasisView,
  matchDiscretion,
} from "./rules/discretion.ts";
import { FineRuleError } from "./rules/fine-engine.ts";
import { statutoryFine } from "./rules/statute.ts";
import { benchmarkBody, type CaseFactsInput } from "./rules/types.ts";

export interface DiscretionRequest {
  /** unified, Chongqing or Sichuan code */
  itemCode: string;
  actDate: Date;
  decisionDate: Date;
  /** null: no facts were given — the case is measured against the whole statutory range */
  facts: CaseFactsInput | null;
}

export interface ItemDiscretion {
  item: EnforcementItem;
  match: DiscretionMatch;
}

/** No item has this code in any of the three catalogs. */
export class UnknownItemError extends Error {
  override readonly name = "UnknownItemError";
  readonly code = "UNKNOWN_ITEM";
  constructor(readonly itemCode: string) {
    super(`No enforcement item has the unified, Chongqing or Sichuan code ${itemCode}`);
  }
}

type Db = Prisma.TransactionClient;

/** What matching reads of one item: the item, its unified benchmark versions (by version), its legal bases. */
export interface ItemRules {
  item: EnforcementItem;
  gzBenchmarks: readonly Benchmark[];
  legalBases: readonly LegalBasis[];
}

/**
 * The rules of the items named by `codes` (any of their three codes), read in one go — inside a transaction,
 * which must see its own writes: code → rules; a code no item has is absent. A batch of decisions (ingest)
 * reads each item once, whatever the number of decisions.
 */
export async function loadItemRules(db: Db, codes: readonly string[]): Promise<Map<string, ItemRules>> {
  const wanted = [...new Set(codes)];
  const rules = new Map<string, ItemRules>();
  if (wanted.length === 0) return rules;
  const rows = await db.enforcementItem.findMany({
    where: { OR: wanted.map(itemByAnyCode) },
    include: {
      benchmarks: { where: { source: "gz" }, orderBy: { version: "asc" } },
      legalBases: { orderBy: [{ sortOrder: "asc" }, { effectiveFrom: "asc" }] },
    },
  });
  for (const code of wanted) {
    const found = findItemByAnyCode(rows, code);
    if (!found) continue;
    const { benchmarks, legalBases, ...item } = found;
    rules.set(code, { item, gzBenchmarks: benchmarks, legalBases });
  }
  return rules;
}

/**
 * Rules already found in a catalog copy, by the code asked. A copy never changes, so a code names the same item for
 * its whole life; only codes found are kept (codes a caller makes up would only grow the map).
 */
const foundInCatalog = new WeakMap<CatalogSnapshot, Map<string, ItemRules>>();

/** One item's rules from the catalog in memory, by any of its codes; undefined: no item has the code. */
function catalogItemRules(catalog: CatalogSnapshot, code: string): ItemRules | undefined {
  let found = foundInCatalog.get(catalog);
  if (!found) {
    found = new Map();
    foundInCatalog.set(catalog, found);
  }
  let rules = found.get(code);
  if (!rules) {
    const item = findItemByAnyCode(catalog.items, code);
    if (!item) return undefined;
    rules = {
      item,
      gzBenchmarks: catalog.gzBenchmarks.get(item.code) ?? [],
      legalBases: catalog.legalBases.get(item.code) ?? [],
    };
    found.set(code, rules);
  }
  return rules;
}

/** `loadItemRules` from the catalog in memory (a copy known to be current: `isCurrent`). */
export function snapshotItemRules(catalog: CatalogSnapshot, codes: readonly string[]): Map<string, ItemRules> {
  const rules = new Map<string, ItemRules>();
  for (const code of new Set(codes)) {
    const found = catalogItemRules(catalog, code);
    if (found) rules.set(code, found);
  }
  return rules;
}

/** From rules read beforehand (`loadItemRules`); no rules: the code is unknown. */
export function matchRulesDiscretion(rules: ItemRules | undefined, request: DiscretionRequest): ItemDiscretion {
  if (!rules) throw new UnknownItemError(request.itemCode);
  return discretionOf(rules, request);
}

/** From the catalog in memory (the `matchDiscretion` query). */
export function matchCatalogDiscretion(catalog: CatalogSnapshot, request: DiscretionRequest): ItemDiscretion {
  return matchRulesDiscretion(catalogItemRules(catalog, request.itemCode), request);
}

/** A stored benchmark as the rules read it: its rules validated once per row read (catalog rows are reused). */
const versionView = oncePerObject(
  (row: Benchmark): BenchmarkVersion => ({
    version: row.version,
    source: row.source,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    body: benchmarkBody.parse({ tiers: row.tiers, lenientRules: row.lenientRules }),
  }),
);

/** A stored legal basis as the rules read it: its citation written once, its statutory fine validated once. */
const basisView = oncePerObject(
  (row: LegalBasis): LegalBasisView => ({
    citation: arabicArticles(legalBasisCitation(row)),
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    statute: row.statutoryFine === null ? null : statutoryFine.parse(row.statutoryFine),
    dailyFine: row.dailyFine,
  }),
);

/*
 * The views of an array of rows, kept per array: the catalog's arrays live as long as their copy, so a match from
 * the catalog maps nothing, and the engine sees the same arrays each time (./rules/discretion.ts keeps what it works
 * out of them).
 */
const benchmarkViews = oncePerObject((rows: readonly Benchmark[]) => rows.map(versionView));
const legalBasisViews = oncePerObject((rows: readonly LegalBasis[]) => rows.map(basisView));

function discretionOf({ item, gzBenchmarks, legalBases }: ItemRules, request: DiscretionRequest): ItemDiscretion {
  const match = matchDiscretion({
    item,
    benchmarks: benchmarkViews(gzBenchmarks),
    legalBases: legalBasisViews(legalBases),
    ...request,
  });
  return { item, match: withArabicArticles(match) };
}

/**
 * The match's citations and steps with arabic article numbers. `match` is the engine's fresh answer, used nowhere
 * else: rewritten in place, not spread into a copy whose overridden properties cost ~1 µs each on Node 20.
 */
function withArabicArticles(match: DiscretionMatch): DiscretionMatch {
  match.citations = [...new Set(match.citations.map(arabicArticles))];
  match.steps = match.steps.map(arabicArticles);
  if (match.lenient) match.lenient = { ...match.lenient, citation: arabicArticles(match.lenient.citation) };
  return match;
}

/** Rule errors that are faults of the stored benchmark, not of the caller: left to the error masking. */
const DATA_FAULTS = ["INVALID_RULE", "INVALID_CONDITION", "NO_NORMS", "NO_STATUTORY_RANGE"] as const;
type CallerFault = Exclude<DiscretionErrorCode, (typeof DATA_FAULTS)[number]>;
const isCallerFault = (code: DiscretionErrorCode): code is CallerFault =>
  !(DATA_FAULTS as readonly string[]).includes(code);

/**
 * The one place where matching errors become API errors: BAD_USER_INPUT with `reason` = the rule's code
 * (UNKNOWN_ITEM, NOT_A_PENALTY_ITEM, NEGATIVE_BASE_AMOUNT, BASE_AMOUNT_REQUIRED, AREA_REQUIRED,
 * DECISION_BEFORE_ACT, ACT_BEFORE_EMPOWERMENT, NO_BENCHMARK_IN_FORCE, INVALID_FACTS, …). Null for anything else.
 */
export function discretionInputError(error: unknown): GraphQLError | null {
  if (error instanceof UnknownItemError) return badInput(error.message, { reason: error.code });
  if ((error instanceof DiscretionError || error instanceof FineRuleError) && isCallerFault(error.code)) {
    return badInput(error.message, { reason: error.code });
  }
  return null;
}

/** Runs `work`, turning matching errors into API errors. */
export async function asDiscretionInputErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw discretionInputError(error) ?? error;
  }
}

/** `asDiscretionInputErrors` for work that answers at once: its answer, or the API error of what it threw. */
export function withDiscretionInputErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw discretionInputError(error) ?? error;
  }
}
