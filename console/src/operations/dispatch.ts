/** The dispatch desk's operations (调度台): plan with preview, commit, reveal, dispatch, cancel, revoke, watch. */
import { graphql } from "../graphql.ts";

export const PlanPreview = graphql(`
  query PlanPreview($input: InspectionPlanPreviewInput!) {
    inspectionPlanPreview(input: $input) {
      drawDay candidateCount eligibleCount selectedCount exactTotal
      exclusions { reason count }
      excludedCandidates { uscc name reason lastInspectedOn visitsThisYear }
      strata { key industry riskClass population excluded factorPermille exactCount count rule }
    }
  }
`);

export const CreatePlan = graphql(`
  mutation CreatePlan($input: InspectionPlanInput!) {
    createInspectionPlan(input: $input) { plan { id name } }
  }
`);

export const CommitDraw = graphql(`
  mutation CommitDraw($planId: ID!) {
    commitDraw(input: { planId: $planId }) { draw { id status seedHash candidateListHash candidateCount } }
  }
`);

export const RevealDraw = graphql(`
  mutation RevealDraw($drawId: ID!) {
    revealDraw(input: { drawId: $drawId }) { draw { id status seed selected atYearlyCap } }
  }
`);

export const DispatchDraw = graphql(`
  mutation DispatchDraw($input: DispatchTasksInput!) {
    dispatchTasks(input: $input) { dispatched refused results { taskId ok code reason message } }
  }
`);

export const CancelTask = graphql(`
  mutation CancelTask($id: ID!, $reason: String!) {
    cancelTask(input: { taskId: $id, reason: $reason }) { task { id state } }
  }
`);

export const RevokeCode = graphql(`
  mutation RevokeCode($taskId: ID!, $reason: String!) {
    revokeInspectionCode(input: { taskId: $taskId, reason: $reason }) { task { id codeRevoked } }
  }
`);

export const DrawTasks = graphql(`
  query DrawTasks($drawId: ID) {
    tasks(drawId: $drawId, first: 100) {
      totalCount
      edges {
        node {
          id enterpriseName enterpriseUscc state itemCodes inspectionCode codeRevoked version
          teamProblems { code message }
          officers { certificateNumber homeJurisdiction pick }
          results { itemCode result jurisdiction findings }
        }
      }
    }
  }
`);

export const TaskChanges = graphql(`
  subscription TaskChanges {
    changes(kinds: ["dispatch.task"], includeOwn: true) { seq kind entityId }
  }
`);
