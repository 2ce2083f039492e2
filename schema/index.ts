/** Imports every domain, then builds the schema. Nothing else lives here. */
import { builder } from "./builder.ts";
import "./catalog/types.ts";
import "./catalog/queries.ts";
import "./benchmarks/types.ts";
import "./benchmarks/merge-mutation.ts";
import "./libraries/types.ts";
import "./libraries/queries.ts";

export const schema = builder.toSchema({ sortSchema: true });
