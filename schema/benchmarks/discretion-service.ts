/**
 * 裁量基准智能匹配 with its inputs from the database: the item (by any of its three codes), its unified
 * benchmark versions and the legal bases in force, then the pure `matchDiscretion`. Takes a Prisma client
 * or a transaction client, so the matchDiscretion query, reportPenaltyDecision and the ingest path all
 * measure a case the same way.
 *
 * Only the unified (gz) benchmarks are loaded: in the New Area one ruler measures both sides
 * (一把尺子量到底); the provincial benchmarks are inputs of the merge, not rules for a case.
 */
import type { GraphQLError } from "graphql";
import type { EnforcementItem, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput } from "../../gateway/errors.ts";
import { itemByAnyCode } from "../catalog/queries.ts";
import { arabicArticles, legalBasisCitation } from "./rules/citation.ts";
import {
  type BenchmarkVersion,
  chinaDay,
  DiscretionError,
  type DiscretionMatch,
  matchDiscretion,
} from "./rules/discretion.ts";
import { FineRuleError } from "./rules/fine-engine.ts";
import { benchmarkBody, type CaseFactsInput } from "./rules/types.ts";

export interface DiscretionRequest {
  /** unified, Chongqing or Sichuan code */
  itemCode: string;
  actDate: Date;
  decisionDate: Date;
  facts: CaseFactsInput;
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

export async function matchItemDiscretion(db: Db, request: DiscretionRequest): Promise<ItemDiscretion> {
  const found = await db.enforcementItem.findFirst({
    where: itemByAnyCode(request.itemCode),
    include: {
      benchmarks: { where: { source: "gz" }, orderBy: { version: "asc" } },
      legalBases: { orderBy: [{ sortOrder: "asc" }, { effectiveFrom: "asc" }] },
    },
  });
  if (!found) throw new UnknownItemError(request.itemCode);
  const { benchmarks, legalBases, ...item } = found;
  const actDay = chinaDay(request.actDate);
  const decisionDay = chinaDay(request.decisionDate);

  const citationsOn = (day: string) =>
    legalBases
      .filter((b) => chinaDay(b.effectiveFrom) <= day && (b.effectiveTo === null || day <= chinaDay(b.effectiveTo)))
      .map(legalBasisCitation);
  const versions: BenchmarkVersion[] = benchmarks.map((b) => {
    const from = chinaDay(b.effectiveFrom);
    const to = b.effectiveTo ? chinaDay(b.effectiveTo) : null;
    // a version applied to the act cites the law of the act's day; one applied only at decision, that day's law
    const actCovered = from <= actDay && (to === null || actDay <= to);
    return {
      version: b.version,
      source: b.source,
      effectiveFrom: b.effectiveFrom,
      effectiveTo: b.effectiveTo,
      body: benchmarkBody.parse({ tiers: b.tiers, lenientRules: b.lenientRules }),
      citations: citationsOn(actCovered ? actDay : decisionDay),
    };
  });
  const match = matchDiscretion({ item, benchmarks: versions, ...request });
  return { item, match: withArabicArticles(match) };
}

function withArabicArticles(match: DiscretionMatch): DiscretionMatch {
  return {
    ...match,
    citations: [...new Set(match.citations.map(arabicArticles))],
    steps: match.steps.map(arabicArticles),
    lenient: match.lenient ? { ...match.lenient, citation: arabicArticles(match.lenient.citation) } : null,
  };
}

/** Rule errors that are faults of the stored benchmark, not of the caller: left to the error masking. */
const DATA_FAULTS: ReadonlySet<string> = new Set(["INVALID_RULE", "INVALID_CONDITION", "NO_NORMS"]);

/**
 * The one place where matching errors become API errors: BAD_USER_INPUT with `reason` = the rule's code
 * (UNKNOWN_ITEM, NOT_A_PENALTY_ITEM, NEGATIVE_BASE_AMOUNT, BASE_AMOUNT_REQUIRED, AREA_REQUIRED,
 * DECISION_BEFORE_ACT, ACT_BEFORE_EMPOWERMENT, NO_BENCHMARK_IN_FORCE, INVALID_FACTS, …). Null for anything else.
 */
export function discretionInputError(error: unknown): GraphQLError | null {
  if (error instanceof UnknownItemError) return badInput(error.message, { reason: error.code });
  if ((error instanceof DiscretionError || error instanceof FineRuleError) && !DATA_FAULTS.has(error.code)) {
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
