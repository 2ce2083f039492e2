/** Public surface of the pure dispatch rules (issue 7): draws, teams, 综合查一次, 执法码, task states. */

export {
  type DrawProblem,
  type DrawProblemCode,
  type DrawResult,
  type DrawStratum,
  type DrawVerification,
  type PublishedDraw,
  runDraw,
  verifyDraw,
} from "./draw.ts";
export {
  candidateListHash,
  type EnterpriseForDraw,
  type ExclusionReason,
  type FreezeContext,
  type FrozenCandidate,
  freezeCandidates,
  hashCanonicalList,
  normaliseUscc,
} from "./draw-candidates.ts";
export {
  type DrawParameters,
  type DrawPlan,
  type DrawScope,
  drawParameterProblems,
  EXAMPLE_COLOUR_FACTORS,
  EXAMPLE_GRADE_FACTORS,
  type StratifyBy,
} from "./draw-plan.ts";
export { commitSeed, isDrawSeed, verifySeed } from "./draw-seed.ts";
export { type ExplainedStratumCount, explainStratumCount, type StratumCountRule, stratumCount } from "./draw-strata.ts";
export {
  type InspectionCodeCheck,
  type InspectionCodeRefusal,
  type InspectionCodeTask,
  signInspectionCode,
  type TaskStanding,
  taskStanding,
  verifyInspectionCode,
} from "./inspection-code.ts";
export {
  applyYearlyCap,
  type CountedVisit,
  DEFAULT_YEARLY_CAP,
  type DueItem,
  enterprisesAtYearlyCap,
  type JointVisit,
  mergeJointVisits,
  type VisitWindow,
} from "./joint-visit.ts";
export { type DrawPreview, type PreviewStratum, previewDraw } from "./plan-preview.ts";
export {
  eventBetween,
  isFinal,
  TASK_EVENTS,
  TASK_STATES,
  type TaskEvent,
  type TaskState,
  transition,
} from "./task-state.ts";
export type { TeamRefusal, TeamRefusalCode } from "./team-refusal.ts";
export {
  type Conflict,
  formTeam,
  formTeams,
  type TeamOfficer,
  type TeamOutcome,
  type TeamRequest,
  teamSeed,
} from "./teams.ts";
