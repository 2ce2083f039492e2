/**
 * 执法码 — the signed code an inspection team shows at the door (issue 7 §4; 国办发〔2024〕54号 扫码入企).
 * A compact JWS made with the committee's (`gz`) key, short enough for a QR code:
 *
 *   header  {"alg":"ES256","kid":"gz-…"}
 *   payload {"t":taskId,"e":USCC,"o":[certificate numbers],"i":[item codes],"nbf":s,"exp":s,"v":1}
 *
 * (short claim names, no whitespace; a 3-officer 5-item code is ~460 characters). `verifyInspectionCode`
 * is what an enterprise runs, without an account: the signature, then 两码互核 — the code's enterprise
 * must be the USCC of the 企业码 it is checked against — then the validity window, then whether the task
 * is still known and not revoked. The first failure is the answer, as one stable reason.
 */
import {
  CompactSign,
  type CompactVerifyGetKey,
  compactVerify,
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
} from "jose";
import { z } from "zod";
import type { SigningKey } from "../../../gateway/auth/keys.ts";
import { SUPPORTED_ALGORITHMS } from "../../../gateway/auth/token-policy.ts";
import { normaliseUscc } from "./draw-candidates.ts";

export const INSPECTION_CODE_VERSION = 1;
/** Far above any code we sign; refusing early bounds the work an anonymous caller can cause. */
const MAX_CODE_LENGTH = 2048;

export interface InspectionCodeTask {
  taskId: string;
  uscc: string;
  officers: readonly string[];
  items: readonly string[];
  notBefore: Date;
  expiresAt: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export async function signInspectionCode(task: InspectionCodeTask, key: SigningKey): Promise<string> {
  if (task.expiresAt.getTime() <= task.notBefore.getTime()) throw new RangeError("expiresAt must be after notBefore");
  const payload = {
    t: task.taskId,
    e: normaliseUscc(task.uscc),
    o: task.officers,
    i: task.items,
    nbf: seconds(task.notBefore),
    exp: seconds(task.expiresAt),
    v: INSPECTION_CODE_VERSION,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .sign(key.key);
}

const claimsSchema = z.object({
  t: z.string().min(1),
  e: z.string().min(1),
  o: z.array(z.string()),
  i: z.array(z.string()),
  nbf: z.number().int(),
  exp: z.number().int(),
  v: z.literal(INSPECTION_CODE_VERSION),
});

export type TaskStanding = "ACTIVE" | "REVOKED" | "COMPLETED" | "UNKNOWN";

/**
 * What a task's state makes of its code: a revoked code or a cancelled task lets no one in (REVOKED),
 * nor does a task whose visit is over (COMPLETED, DONE) — the code stays inside its validity window
 * after the visit, and a second "inspection" with it would be no joint task at all.
 */
export function taskStanding(task: { state: string; codeRevokedAt: Date | null } | null): TaskStanding {
  if (!task) return "UNKNOWN";
  if (task.codeRevokedAt !== null || task.state === "CANCELLED") return "REVOKED";
  return task.state === "DONE" ? "COMPLETED" : "ACTIVE";
}

export interface VerifyInspectionCodeOptions {
  /** the `gz` JWKS, or a resolver of its keys (the gateway's trust registry) */
  publicKeys: JSONWebKeySet | CompactVerifyGetKey;
  now: Date;
  /** the task's standing in the database (`taskStanding`) */
  taskStanding: (taskId: string) => TaskStanding | Promise<TaskStanding>;
}

export type InspectionCodeRefusal =
  | "MALFORMED"
  | "BAD_SIGNATURE"
  | "WRONG_ENTERPRISE"
  | "NOT_YET_VALID"
  | "EXPIRED"
  | "UNKNOWN_TASK"
  | "REVOKED"
  | "COMPLETED";

export type InspectionCodeCheck =
  | { valid: true; task: InspectionCodeTask }
  /** `taskId`: the task a signed code names, when it decoded (the check is recorded against it) */
  | { valid: false; reason: InspectionCodeRefusal; taskId?: string };

const refuse = (reason: InspectionCodeRefusal, taskId?: string): InspectionCodeCheck =>
  taskId === undefined ? { valid: false, reason } : { valid: false, reason, taskId };

async function verifiedPayload(
  code: string,
  publicKeys: JSONWebKeySet | CompactVerifyGetKey,
): Promise<Uint8Array | InspectionCodeRefusal> {
  if (code.length > MAX_CODE_LENGTH || code.split(".").length !== 3) return "MALFORMED";
  try {
    const keys = typeof publicKeys === "function" ? publicKeys : createLocalJWKSet(publicKeys);
    const { payload } = await compactVerify(code, keys, {
      algorithms: [...SUPPORTED_ALGORITHMS],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWSInvalid) return "MALFORMED";
    // a bad signature, a key we do not trust (unknown kid), or an algorithm we do not accept
    if (error instanceof errors.JOSEError) return "BAD_SIGNATURE";
    throw error;
  }
}

function parseClaims(payload: Uint8Array): z.infer<typeof claimsSchema> | null {
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function verifyInspectionCode(
  code: string,
  uscc: string,
  options: VerifyInspectionCodeOptions,
): Promise<InspectionCodeCheck> {
  const payload = await verifiedPayload(code.trim(), options.publicKeys);
  if (typeof payload === "string") return refuse(payload);
  const claims = parseClaims(payload);
  if (claims === null) return refuse("MALFORMED");
  if (normaliseUscc(claims.e) !== normaliseUscc(uscc)) return refuse("WRONG_ENTERPRISE", claims.t);
  const now = seconds(options.now);
  if (now < claims.nbf) return refuse("NOT_YET_VALID", claims.t);
  if (now >= claims.exp) return refuse("EXPIRED", claims.t);
  const standing = await options.taskStanding(claims.t);
  if (standing === "UNKNOWN") return refuse("UNKNOWN_TASK", claims.t);
  if (standing !== "ACTIVE") return refuse(standing, claims.t);
  return {
    valid: true,
    task: {
      taskId: claims.t,
      uscc: claims.e,
      officers: claims.o,
      items: claims.i,
      notBefore: new Date(claims.nbf * 1000),
      expiresAt: new Date(claims.exp * 1000),
    },
  };
}
