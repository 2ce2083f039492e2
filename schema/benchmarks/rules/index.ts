/** Public surface of the pure benchmark rules (issue 4). */

export {
  type BenchmarkVersion,
  DiscretionError,
  type DiscretionErrorCode,
  type DiscretionInput,
  type DiscretionMatch,
  type DiscretionOutcome,
  type LegalBasisView,
  matchDiscretion,
} from "./discretion.ts";
export {
  type ConcurrentNorm,
  combineConcurrentNorms,
  evaluateFine,
  evaluateTierFine,
  type FineEvaluation,
  type FineRange,
  FineRuleError,
  type FineRuleErrorCode,
  type TierFineEvaluation,
  yuan,
} from "./fine-engine.ts";
export {
  assessLenient,
  type LenientAssessment,
  type LenientMatch,
  lenientRange,
  STATUTORY_LENIENT_RULES,
} from "./lenient.ts";
export {
  type BoundProvenance,
  type MergeConflict,
  type MergeProvenance,
  type MergeResult,
  mergeBenchmarks,
  type Side,
  type TierProvenance,
} from "./merge.ts";
export type { Clamp, ClampPart, ClampUnit } from "./merge-statute.ts";
export {
  aggravate,
  clampInto,
  type Governing,
  governingNorm,
  governingNormWithoutFacts,
  type PenaltyNorm,
  type StatutoryFine,
  type StatutoryRange,
  statutoryFine,
  wholeStatutoryRange,
} from "./statute.ts";
export {
  ACCIDENT_LEVELS,
  compareConditionSets,
  conditionHolds,
  selectTier,
  type TierSelection,
} from "./tier-selection.ts";
export * from "./types.ts";
export { assessDecision, type PushedDecision, type SupervisionWarning, type WarningKind } from "./warnings.ts";
