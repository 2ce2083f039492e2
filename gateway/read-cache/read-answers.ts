/**
 * The answers of repeated catalog reads, kept per data version and shared by the two places that give them:
 * the yoga plugin (../plugins/use-read-cache.ts), which stores them and answers a hit inside the pipeline, and
 * the lane (./read-cache-lane.ts), which answers a hit over HTTP before yoga. Answers are shared between
 * requests: nothing may modify them.
 */
import type { ExecutionResult } from "graphql";
import { beijingDay, beijingDayBounds } from "../../schema/common/effective-dates.ts";
import type { Caller } from "../context.ts";

export interface ReadAnswer {
  /** the result, serialized once (`withSerializedOnce`) */
  result: ExecutionResult;
  /** the operation's name as the audit names it (the document's, when the client sent none) */
  operationName: string | null;
  /** the result's JSON as UTF-8 bytes, computed on first use */
  bytes(): Buffer;
}

/** Everything that can change a catalog read's answer besides the data version (see `readAnswerKey`). */
export interface ReadAnswerKeyParts {
  caller: Pick<Caller, "issuer" | "scopes">;
  now: Date;
  /** as the client sent it (null: none) */
  operationName: string | null | undefined;
  documentHash: string;
  variablesHash: string | null;
}

/**
 * What can change the answer: the document, the operation, the variables, the caller's issuer and scopes (all
 * that field authorization looks at) and the Beijing day (the default `asOf`).
 */
export function readAnswerKey(parts: ReadAnswerKeyParts): string {
  const { caller } = parts;
  return `${caller.issuer}\n${scopesText(caller.scopes)}\n${dayText(parts.now)}\n${parts.operationName ?? ""}\n${parts.documentHash}\n${parts.variablesHash ?? ""}`;
}

// Every read computes its key: the two parts that change least are kept rather than sorted and formatted again.
/** a caller's scopes, sorted and joined; by the scopes' own list, which a verified token's callers share */
const scopesTexts = new WeakMap<Caller["scopes"], string>();
function scopesText(scopes: Caller["scopes"]): string {
  let text = scopesTexts.get(scopes);
  if (text === undefined) {
    text = [...scopes].sort().join(" ");
    scopesTexts.set(scopes, text);
  }
  return text;
}

/** the Beijing day of an instant as an ISO text, the last one kept */
let lastDay: { start: number; end: number; text: string } | null = null;
function dayText(now: Date): string {
  const at = now.getTime();
  if (lastDay === null || at < lastDay.start || at > lastDay.end) {
    const text = beijingDay(now).toISOString();
    lastDay = { ...beijingDayBounds(text.slice(0, 10)), text };
  }
  return lastDay.text;
}

export interface ReadAnswers {
  get(version: object, key: string): ReadAnswer | undefined;
  /** keeps the answer; the oldest of its version goes first beyond `maxEntries` */
  set(version: object, key: string, answer: Omit<ReadAnswer, "bytes">): ReadAnswer;
}

/** @param maxEntries answers kept per version (a new version drops the previous answers with it) */
export function createReadAnswers(maxEntries = 1000): ReadAnswers {
  const byVersion = new WeakMap<object, Map<string, ReadAnswer>>();
  return {
    get(version, key) {
      return byVersion.get(version)?.get(key);
    },
    set(version, key, { result, operationName }) {
      let answers = byVersion.get(version);
      if (!answers) {
        answers = new Map();
        byVersion.set(version, answers);
      }
      if (answers.size >= maxEntries) answers.delete(answers.keys().next().value!);
      const shared = withSerializedOnce(result);
      let bytes: Buffer | undefined;
      const answer: ReadAnswer = {
        result: shared,
        operationName,
        bytes: () => {
          bytes ??= Buffer.from((shared as Serializable).stringify(shared), "utf8");
          return bytes;
        },
      };
      answers.set(key, answer);
      return answer;
    },
  };
}

type Serializable = ExecutionResult & { stringify: (value: unknown) => string };

/**
 * The result with its JSON text computed on first use and then reused: graphql-yoga serializes a result with its
 * own `stringify` when it has one (result-processor/stringify.js). JSON.stringify of the same cached answer on
 * every hit was the gateway's busiest frame under the read bench (~11% of its CPU). A function property is not
 * part of the JSON.
 */
export function withSerializedOnce(result: ExecutionResult): ExecutionResult {
  let json: string | undefined;
  const shared: ExecutionResult & { stringify?: (value: unknown) => string } = { ...result };
  // yoga passes a copy instead when it has something to strip (errors, extensions.http): that one is serialized anew
  shared.stringify = (value) => {
    if (value !== shared) return JSON.stringify(value);
    json ??= JSON.stringify(value);
    return json;
  };
  return shared;
}
