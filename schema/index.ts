/** Imports every domain, then builds the schema. Nothing else lives here. */
import { builder } from "./builder.ts";
import "./catalog/types.ts";
import "./catalog/queries.ts";
import "./catalog/mutations.ts";
import "./benchmarks/types.ts";
import "./benchmarks/merge-mutation.ts";
import "./benchmarks/discretion-query.ts";
import "./benchmarks/decision-mutation.ts";
import "./benchmarks/warning-types.ts";
import "./libraries/types.ts";
import "./libraries/queries.ts";
import "./libraries/risk-colour-filter.ts";
import "./libraries/history.ts";
import "./libraries/dispatch-status.ts";
import "./libraries/training.ts";
import "./libraries/upsert-mutations.ts";
import "./audit/types.ts";
import "./audit/queries.ts";
import "./records/types.ts";
import "./records/queries.ts";
import "./records/ingest-mutation.ts";
import "./records/quarantine-types.ts";
import "./records/quarantine-mutations.ts";
import "./sync/stream-fields.ts";
import "./sync/status-fields.ts";

export const schema = builder.toSchema({ sortSchema: true });
