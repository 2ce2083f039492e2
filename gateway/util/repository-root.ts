/**
 * The repository: the nearest folder with package.json above this module — gateway/util/ when run from
 * source, dist/scripts/ when bundled into the precompiled gateway that production runs (docker-compose.yml).
 * Files the gateway reads at run time (the console's build, the supergraph, the provinces' SDL) are found
 * from here, so that the same code reads them from source and from the bundle.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRepositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8 && !existsSync(path.join(dir, "package.json")); depth++) dir = path.dirname(dir);
  return dir;
}

export const REPOSITORY_ROOT = findRepositoryRoot();

/** a path inside the repository, e.g. `repositoryFile("supergraph.graphql")` */
export function repositoryFile(relative: string): string {
  return path.join(REPOSITORY_ROOT, relative);
}
