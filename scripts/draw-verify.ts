/**
 * `npm run draw:verify -- <drawId> [--url http://127.0.0.1:4000] [--as gz|cq|sc] [--file draw.json]`
 *
 * Recomputes a 双随机 draw from its published data alone — parameters, frozen candidate list, seed hash,
 * revealed seed, strata and selection — with the documented algorithm (docs/draw-verification.md),
 * and says whether it matches. Where the published draw comes from, first that answers:
 *   --file    a saved `publishedDraw` JSON (what anyone can download and keep);
 *   --url     the running gateway's `publishedDraw(id)` (GATEWAY_URL, default http://127.0.0.1:$PORT),
 *             with a read token signed by a key in KEYS_DIR (default gz, else cq, else sc);
 *   the database (DATABASE_URL or the PGlite directory) when no gateway answers.
 * Exit codes: 0 valid, 1 does not match (each problem printed), 2 could not check.
 */

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadPrivateKey } from "../gateway/auth/keys.ts";
import { signToken } from "../gateway/auth/sign-token.ts";
import { DEFAULT_AUDIENCE } from "../gateway/auth/token-policy.ts";
import { loadConfigOrExit } from "../gateway/config.ts";
import { createDatabase } from "../gateway/db/client.ts";
import { JURISDICTIONS, type Jurisdiction } from "../schema/common/jurisdiction.ts";
import { keyOf } from "../schema/common/node-access.ts";
import { publishedDraw } from "../schema/dispatch/draw-store.ts";
import { type PublishedDraw, verifyDraw } from "../schema/dispatch/rules/index.ts";
import { cliLogger, print, printProblem } from "./cli-output.ts";

type Fetched = { published: PublishedDraw; seed: string | null; source: string };

const USAGE = "usage: npm run draw:verify -- <drawId> [--url URL] [--as gz|cq|sc] [--file published-draw.json]";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: "string" }, as: { type: "string" }, file: { type: "string" } },
});
const drawId = positionals[0];
if (!drawId && !values.file) {
  printProblem(USAGE);
  process.exit(2);
}
const config = loadConfigOrExit();
const log = cliLogger("draw:verify");

async function fromFile(file: string): Promise<Fetched> {
  const json = JSON.parse(await readFile(file, "utf8")) as PublishedDraw & { seed: string | null };
  return { published: json, seed: json.seed, source: file };
}

async function readToken(): Promise<string> {
  const order: Jurisdiction[] = values.as ? [values.as as Jurisdiction] : ["gz", "cq", "sc"];
  for (const issuer of order) {
    if (!JURISDICTIONS.includes(issuer)) throw new Error(`--as must be one of ${JURISDICTIONS.join(", ")}`);
    try {
      const { key, kid, alg } = await loadPrivateKey(config.auth.keysDir, issuer);
      const audience = config.auth.audience ?? DEFAULT_AUDIENCE;
      return await signToken({
        privateKey: key,
        kid,
        alg,
        issuer,
        audience,
        subject: "draw-verify",
        scopes: ["read"],
        ttlSeconds: 300,
      });
    } catch {
      // no key of that issuer here: try the next
    }
  }
  throw new Error(`no private key in ${config.auth.keysDir} to sign a read token with`);
}

async function fromGateway(url: string): Promise<Fetched | null> {
  let response: Response;
  try {
    response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await readToken()}` },
      body: JSON.stringify({ query: "query($id: ID!) { publishedDraw(id: $id) }", variables: { id: drawId } }),
    });
  } catch {
    return null; // nobody listening: try the database
  }
  const body = (await response.json()) as {
    data?: { publishedDraw: (PublishedDraw & { seed: string | null }) | null };
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(`the gateway answered: ${body.errors.map((e) => e.message).join("; ")}`);
  const draw = body.data?.publishedDraw;
  if (!draw) throw new Error(`no draw ${drawId} at ${url}`);
  return { published: draw, seed: draw.seed, source: url };
}

async function fromDatabase(): Promise<Fetched> {
  const db = await createDatabase({
    databaseUrl: config.database.url,
    pgliteDir: config.database.pgliteDir,
    poolSize: 1,
  });
  try {
    // the id the API shows is a global id (全局ID); the database keys the draw by what is inside it
    const found = await publishedDraw(db.prisma, keyOf("Draw", drawId as string));
    if (!found) throw new Error(`no draw ${drawId} in the database`);
    return {
      published: found.published,
      seed: found.seed,
      source: config.database.url ? "DATABASE_URL" : config.database.pgliteDir,
    };
  } finally {
    await db.close();
  }
}

let exitCode = 2;
try {
  const url = values.url ?? process.env.GATEWAY_URL ?? `http://127.0.0.1:${config.http.port}`;
  const fetched = values.file ? await fromFile(values.file) : ((await fromGateway(url)) ?? (await fromDatabase()));
  const { published, seed, source } = fetched;
  log.info(
    `draw ${drawId ?? ""} from ${source}: ${published.candidateCount} candidates, ${published.selected.length} selected`,
  );
  if (!seed) {
    print("not revealed yet: the seed is still secret, only the commitment exists");
  } else {
    const result = verifyDraw(published, seed);
    if (result.valid) {
      print(
        `VALID: seed matches its hash ${published.seedHash}, candidate list matches ${published.candidateListHash}, ${published.strata.length} strata and the selection recompute exactly`,
      );
      exitCode = 0;
    } else {
      print("DOES NOT MATCH:");
      for (const problem of result.problems) print(`  ${problem.code}: ${problem.message}`);
      exitCode = 1;
    }
  }
} catch (error) {
  printProblem(`draw:verify: ${(error as Error).message}`);
}
process.exit(exitCode);
