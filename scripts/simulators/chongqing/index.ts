/**
 * The Chongqing platform simulator (执法+监督 app): cursor-paginated change feed and the
 * inbound endpoints the adapter pushes Sichuan's records and the committee's tasks into.
 * Shapes: adapters/chongqing/types.ts.
 */
import { type CqInboundResponse, cqDispatchTasksBody, cqSharedRecordsBody } from "../../../adapters/chongqing/types.ts";
import { readFeed } from "../core/feed.ts";
import { HttpError, intParam, parseBody } from "../core/router.ts";
import { type Dialect, type RunningSimulator, type SimulatorOptions, startSimulator } from "../core/simulator.ts";
import * as cq from "./dialect.ts";

export type ChongqingSimulatorOptions = SimulatorOptions;

const dialect: Dialect = {
  province: "cq",
  recordId: cq.cqRecordId,
  errorBody: (code, message) => ({ error: { code, message } }),
  record: cq.toCqRecord,
  officer: cq.toCqOfficer,
  enterprise: cq.toCqEnterprise,
  received: cq.toCqShared,
  task: cq.toCqTask,
  routes(ctx) {
    const { router, store } = ctx;
    router
      .on("GET", "/api/v1/changes", (req) => {
        const after = cq.decodeCursor(req.query.get("cursor"));
        if (after === null) throw new HttpError(400, "INVALID_CURSOR", "cursor is not one this platform issued");
        const page = readFeed(ctx, after, intParam(req, "limit", 100, 1, 1000));
        const body = {
          items: page.entries.map(cq.toCqChange),
          nextCursor: cq.encodeCursor(page.next),
          hasMore: page.hasMore,
        };
        return { status: 200, body };
      })
      .on("GET", "/api/v1/records/:recordId", (req) => {
        const record = store.records.get(req.params.recordId ?? "");
        if (!record) throw new HttpError(404, "NOT_FOUND", `no record ${req.params.recordId}`);
        return { status: 200, body: cq.toCqRecord(record) };
      })
      .on("POST", "/api/v1/shared-records", (req) => {
        const { records } = parseBody(req, cqSharedRecordsBody);
        const results = store.batch(() =>
          records.map((r) => ({ id: r.originId, version: r.version, status: store.putReceived(cq.fromCqShared(r)) })),
        );
        return { status: 200, body: { results } satisfies CqInboundResponse };
      })
      .on("POST", "/api/v1/dispatch-tasks", (req) => {
        const { tasks } = parseBody(req, cqDispatchTasksBody);
        const results = store.batch(() =>
          tasks.map((t) => ({ id: t.taskId, version: t.version, status: store.putTask(cq.fromCqTask(t)) })),
        );
        return { status: 200, body: { results } satisfies CqInboundResponse };
      });
  },
};

export function startChongqingSimulator(options: ChongqingSimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator(dialect, options);
}
