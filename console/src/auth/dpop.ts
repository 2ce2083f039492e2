/**
 * DPoP (RFC 9449) in the browser: an ES256 key pair whose private half cannot be exported (WebCrypto), kept in
 * IndexedDB so that a reload keeps the session; every request carries a fresh proof signed with it, and the
 * committee's token is bound to its thumbprint — a stolen token is useless without the key.
 */
import { calculateJwkThumbprint, exportJWK, type JWK, SignJWT } from "jose";

export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  thumbprint: string;
}

const DB = "gaozhu-console";
const STORE = "keys";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function stored(): Promise<CryptoKeyPair | undefined> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE).objectStore(STORE).get("dpop");
    request.onsuccess = () => resolve(request.result as CryptoKeyPair | undefined);
    request.onerror = () => reject(request.error);
  });
}

async function store(pair: CryptoKeyPair): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(pair, "dpop");
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

let current: Promise<DpopKey> | undefined;

/** this browser's key (made on first use) */
export function dpopKey(): Promise<DpopKey> {
  current ??= (async () => {
    let pair = await stored();
    if (!pair) {
      pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
      await store(pair);
    }
    const publicJwk = await exportJWK(pair.publicKey);
    return { privateKey: pair.privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk, "sha256") };
  })();
  return current;
}

async function accessTokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** a proof for one request */
export async function dpopProof(method: string, url: string, accessToken: string): Promise<string> {
  const key = await dpopKey();
  const target = new URL(url, location.href);
  return new SignJWT({
    htm: method.toUpperCase(),
    htu: `${target.origin}${target.pathname}`,
    ath: await accessTokenHash(accessToken),
  })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk })
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .sign(key.privateKey);
}
