/** The operations GraphiQL opens with in development. */
export const EXAMPLE_OPERATIONS = `# 高竹新区执法数据网关 — example operations. Pick one with the ▶ button.
# Every request needs a token. In development GraphiQL starts with a gz (管委会) token in Headers;
# mint others with:  npm run token -- --as cq   (or sc, gz; --scope pii:read …)
# A mutation needs a fresh token each time (replay protection): mint one per mutation.

query Domains {
  domains { code name itemCount }
}

query ItemsOfADomain {
  items(domain: "EMERGENCY", first: 5) {
    totalCount
    edges { node { code cqCode scCode name kind } }
    pageInfo { hasNextPage endCursor }
  }
}

# any of the three codes finds the item: unified, Chongqing or Sichuan
query ItemWithBasesAndBenchmark {
  item(code: "GZ-001") {
    code name kind cqCode scCode
    legalBases { role lawName citation effectiveFrom effectiveTo verified }
    benchmark { version effectiveFrom tiers { level name conditionText fine { summary } } }
  }
}

query EnterprisesByGrade {
  enterprises(creditGrade: C, first: 10) { totalCount edges { node { uscc name park town creditGrade } } }
}

query Officers {
  officers(first: 30) { totalCount edges { node { certificateNumber name homeJurisdiction qualifiedDomains phone } } }
}

# every object with an identity has a global id (全局ID): read it again with node, the same rights apply
query OneObjectById($id: ID!) {
  node(id: $id) { id __typename ... on Officer { certificateNumber name } ... on InspectionTask { state enterpriseName } }
}

# pages of at most 100: pass pageInfo.endCursor as after; totalCount costs a COUNT, leave it out when paging
query NextPageOfOfficers($after: String) {
  officers(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id certificateNumber } } }
}

# 双随机一公开 (committee): plan → commitDraw (hashes published) → revealDraw (seed, selection, tasks)
mutation PlanAnInspection {
  createInspectionPlan(input: {
    name: "安全生产双随机抽查", itemCodes: ["GZ-017", "GZ-018"], baseRatioPpm: 100000,
    visitFrom: "2026-12-01", visitTo: "2026-12-05"
  }) { plan { id domains factors { riskClass permille } } }
}
mutation CommitDraw($planId: ID!) {
  commitDraw(input: { planId: $planId }) { draw { id seedHash candidateListHash candidateCount } }
}
mutation RevealDraw($drawId: ID!) {
  revealDraw(input: { drawId: $drawId }) {
    draw { seed selected strata { key population count selected } atYearlyCap }
    tasks { id enterpriseName state }
  }
}
query VerifyDraw($drawId: ID!) { verifyDraw(id: $drawId) { valid revealed problems { code message } } }
query Tasks {
  tasks(first: 10) { totalCount edges { node { id enterpriseName state itemCodes officers { certificateNumber homeJurisdiction } teamProblems { code jurisdiction message } } } }
}
mutation Dispatch($taskId: ID!) { dispatchTask(input: { taskId: $taskId }) { task { state inspectionCode } } }
# 两码互核 — works without any token (remove the Authorization header to try)
query CheckACode($code: String!, $uscc: String!) { verifyInspection(code: $code, uscc: $uscc) { valid reason officers items } }

# 执法监督指标 — supervision indicators of a year (gz reads all; a province token reads only its own)
query SupervisionIndicators {
  supervisionIndicators(from: "2026-01-01", to: "2026-12-31") {
    code name unit value status definition
    target { comparison value description }
    previous { from to value }
    breakdown { dimension label value }
    records(first: 3) { totalCount edges { node { origin originId kind occurredAt } } }
  }
}
query SupervisionTrend {
  supervisionTrend(code: REPEATED_INSPECTIONS, from: "2026-01-01", to: "2026-12-31") { from to value }
}

# 变更流 — the change stream (SSE): each change with its typed subject; acknowledge what you handled
subscription Changes {
  changes(kinds: ["record.upserted", "officer.upserted"]) {
    seq kind origin
    subject {
      __typename
      ... on ChangedRecord { originId version itemCode occurredAt }
      ... on ChangedOfficer { key changedFields officer { name status } }
    }
  }
}
mutation Acknowledge($seq: String!) {
  acknowledgeChanges(input: { consumer: "graphiql", seq: $seq }) { acknowledgement { ackedSeq } }
}
`;
