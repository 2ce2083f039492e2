/**
 * npm run keys                          — create the missing demo key pairs for cq, sc, gz and the gateway's own in KEYS_DIR
 * npm run keys -- --rotate <issuer>      — add a new key (the old public key stays trusted)
 * npm run keys -- --retire <issuer> --kid <kid> — stop trusting an old key
 */

import { ensureDemoKeys, ensureGatewayKey, retireIssuerKey, rotateIssuerKey } from "../gateway/auth/keys.ts";
import { isJurisdiction, JURISDICTIONS } from "../schema/common/jurisdiction.ts";
import { print } from "./cli-output.ts";
import { exitWithUsage, keysDirFromEnv, runCli } from "./key-cli.ts";

const USAGE = `usage: npm run keys [-- --rotate <cq|sc|gz> | --retire <cq|sc|gz> --kid <kid>]
  KEYS_DIR (default .keys) holds <issuer>.private.jwk.json and <issuer>.jwks.json`;

const DESCRIPTIONS = {
  created: "created",
  kept: "kept (already there)",
  "jwks-restored": "kept private key, recreated its missing JWKS",
  "public-only": "JWKS only (no private key here: tokens cannot be signed for it)",
} as const;

const OPTIONS = {
  rotate: { type: "string" },
  retire: { type: "string" },
  kid: { type: "string" },
} as const;

runCli(USAGE, OPTIONS, async (values) => {
  const keysDir = keysDirFromEnv();
  const issuer = values.rotate ?? values.retire;
  if (values.rotate !== undefined && values.retire !== undefined)
    exitWithUsage("--rotate and --retire exclude each other", USAGE);
  if (issuer !== undefined && !isJurisdiction(issuer))
    exitWithUsage(`unknown issuer "${issuer}" (${JURISDICTIONS.join(", ")})`, USAGE);

  if (values.rotate !== undefined && isJurisdiction(issuer)) {
    const { kid } = await rotateIssuerKey(keysDir, issuer);
    print(`${issuer}: new signing key ${kid} in ${keysDir}; previous public keys stay trusted until retired`);
  } else if (values.retire !== undefined && isJurisdiction(issuer)) {
    if (!values.kid) exitWithUsage("--retire needs --kid <kid>", USAGE);
    const { removed } = await retireIssuerKey(keysDir, issuer, values.kid);
    print(removed ? `${issuer}: key ${values.kid} no longer trusted` : `${issuer}: no key ${values.kid} in its JWKS`);
  } else {
    for (const { issuer: name, status, kid } of await ensureDemoKeys(keysDir)) {
      print(`${name}: ${DESCRIPTIONS[status]}${kid ? ` — kid ${kid}` : ""}`);
    }
    // the gateway's own key: it signs each request to a province's subgraph (docs/federation.md)
    const gateway = await ensureGatewayKey(keysDir);
    print(`gateway: ${gateway.created ? DESCRIPTIONS.created : DESCRIPTIONS.kept} — kid ${gateway.kid}`);
    print(`keys in ${keysDir}`);
  }
});
