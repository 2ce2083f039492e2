import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * Opens a PGlite data directory, creating it first when missing or empty. Creation (initdb, seconds) happens in
 * a sibling directory renamed into place afterwards: a Ctrl-C during the very first start would otherwise leave
 * a half-initialised directory that PGlite can never open again (`ErrnoError { errno: 20 }`).
 */
export async function openPgliteDir(dir: string): Promise<PGlite> {
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    const parent = dirname(dir);
    mkdirSync(parent, { recursive: true });
    // leftovers of an interrupted creation (one process per directory, so none is still in use)
    for (const name of readdirSync(parent)) {
      if (name.startsWith(`${basename(dir)}.creating-`)) rmSync(join(parent, name), { recursive: true, force: true });
    }
    const fresh = `${dir}.creating-${process.pid}`;
    await (await PGlite.create(fresh)).close();
    rmSync(dir, { recursive: true, force: true });
    renameSync(fresh, dir);
  }
  return PGlite.create(dir);
}
