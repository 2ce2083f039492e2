/** `npm run schema:print` — writes schema.graphql (committed; test/schema/printed-schema.test.ts fails when stale). */
import { writeFile } from "node:fs/promises";
import { printSchema } from "graphql";
import { schema } from "../schema/index.ts";
import { cliLogger } from "./cli-output.ts";

await writeFile(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
cliLogger("schema:print").info("schema.graphql written");
