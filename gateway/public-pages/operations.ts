/**
 * The GraphQL operations behind the public pages. The pages run them through the gateway itself (the same
 * resolvers, the same per-address rate limit as any client without a token), so the check is never copied.
 * test/gateway/public-pages.test.ts validates them against the schema: a contract change breaks that test.
 */

export const CHECK_CODE = /* GraphQL */ `
  query PublicCodeCheck($code: String!, $uscc: String!) {
    verifyInspection(code: $code, uscc: $uscc) {
      valid
      reason
      enterpriseName
      enterpriseUscc
      officers
      visitItems { code name }
      validFrom
      validTo
    }
  }
`;

export interface CodeCheckResult {
  valid: boolean;
  reason: string | null;
  enterpriseName: string | null;
  enterpriseUscc: string | null;
  officers: string[];
  visitItems: { code: string; name: string }[];
  validFrom: string | null;
  validTo: string | null;
}

export const SUBMIT_FEEDBACK = /* GraphQL */ `
  mutation PublicFeedback($code: String!, $uscc: String!, $answers: InspectionFeedbackInput!) {
    submitInspectionFeedback(code: $code, uscc: $uscc, answers: $answers) {
      alreadyReceived
      submittedAt
    }
  }
`;

export interface FeedbackReceipt {
  alreadyReceived: boolean;
  submittedAt: string;
}

export const PUBLISHED_DRAW = /* GraphQL */ `
  query PublicDraw($id: ID!) {
    draw(id: $id) {
      id
      status
      drawDay
      committedAt
      revealedAt
      seedHash
      candidateListHash
      candidateCount
      seed
      atYearlyCap
      plan { name itemCodes baseRatioPpm visitFrom visitTo }
      strata { key industry riskClass population excluded count }
      selectedCandidates { uscc name industry riskClass town park }
    }
  }
`;

export interface PublicDrawResult {
  id: string;
  status: string;
  drawDay: string;
  committedAt: string;
  revealedAt: string | null;
  seedHash: string;
  candidateListHash: string;
  candidateCount: number;
  seed: string | null;
  atYearlyCap: string[];
  plan: { name: string; itemCodes: string[]; baseRatioPpm: number; visitFrom: string; visitTo: string };
  strata: { key: string; industry: string; riskClass: string; population: number; excluded: number; count: number }[];
  selectedCandidates: {
    uscc: string;
    name: string;
    industry: string;
    riskClass: string;
    town: string | null;
    park: string | null;
  }[];
}

export const REPORT_UNSHOWN_CODE = /* GraphQL */ `
  mutation PublicUnshownCodeReport($input: UnshownCodeReportInput!) {
    reportUnshownCodeInspection(input: $input) {
      alreadyReceived
      reportedAt
    }
  }
`;

export interface UnshownCodeReceipt {
  alreadyReceived: boolean;
  reportedAt: string;
}
