/** `npm run docs:errors` — writes docs/errors.md from gateway/error-catalogue.ts (test/gateway/error-catalogue.test.ts fails when stale). */
import { writeFile } from "node:fs/promises";
import { cliLogger } from "./cli-output.ts";
import { renderErrorCatalogue } from "./error-catalogue-doc.ts";

await writeFile(new URL("../docs/errors.md", import.meta.url), renderErrorCatalogue());
cliLogger("docs:errors").info("docs/errors.md written");
