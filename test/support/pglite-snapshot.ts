/**
 * A PGlite database started from the run's migrated snapshot (global-setup.ts), the way most test files start one.
 *
 * `PGlite.create({ loadDataDir: new Blob([bytes]) })` took ~1.3 s a file on a 2-core machine; this takes ~0.7 s
 * (2026-12-07). What it saves, all within one test process (vitest.config.ts: `isolate: false`):
 *   - the snapshot (~40 MB) is read from disk once, not once a file;
 *   - it is handed to PGlite as one plain copy: Node's in-memory Blob copies its parts when made and reads them back
 *     in chunks, concatenated, when PGlite asks for its bytes (a third of the start in a profile);
 *   - PGlite's WebAssembly module and its file-system bundle are compiled and read once. PGlite's own cache of the
 *     module is keyed by a URL object made anew on every start, so it never hits: each start read and compiled the
 *     8.7 MB pglite.wasm again. (initdb.wasm is not needed: a start from a snapshot skips initdb.)
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * The bytes, as a Blob whose `arrayBuffer()` answers a copy of them at once. Only for PGlite, which reads that, its
 * `type` ("": not gzipped) and whether it is a `File` (it is not): `stream()`, `slice()` and `text()` see no bytes.
 */
class SnapshotBlob extends Blob {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    super([]);
    this.#bytes = bytes;
  }

  override get size(): number {
    return this.#bytes.byteLength;
  }

  // a copy of exactly these bytes: PGlite may keep or change what it is given, and the next file starts from the
  // same bytes (not `slice()`, which on a Node Buffer is a view, and whose `buffer` may hold more than the view)
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#bytes).buffer);
  }
}

interface PgliteAssets {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

let assets: Promise<PgliteAssets> | undefined;
const snapshots = new Map<string, Promise<Uint8Array>>();

function pgliteAssets(): Promise<PgliteAssets> {
  assets ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const [wasm, bundle] = await Promise.all(
      ["pglite.wasm", "pglite.data"].map((file) => readFile(path.join(dist, file))),
    );
    return { pgliteWasmModule: await WebAssembly.compile(wasm!), fsBundle: new SnapshotBlob(bundle!) };
  })();
  // a failure is not kept: the next file tries again
  assets.catch(() => {
    assets = undefined;
  });
  return assets;
}

function snapshotBytes(snapshotPath: string): Promise<Uint8Array> {
  let bytes = snapshots.get(snapshotPath);
  if (!bytes) {
    bytes = readFile(snapshotPath);
    snapshots.set(snapshotPath, bytes);
    bytes.catch(() => snapshots.delete(snapshotPath));
  }
  return bytes;
}

/** A PGlite holding the snapshot: in memory, or written to `dataDir` (a directory that does not exist yet). */
export async function pgliteFromSnapshot(snapshotPath: string, dataDir?: string): Promise<PGlite> {
  const [bytes, shared] = await Promise.all([snapshotBytes(snapshotPath), pgliteAssets()]);
  return PGlite.create({ ...shared, ...(dataDir && { dataDir }), loadDataDir: new SnapshotBlob(bytes) });
}
