/**
 * The control API under /_sim (never faulted): health, activity rate, fault knobs, bulk generation,
 * a dump of the whole store for reconciliation, arrival times of received records (propagation latency),
 * and officers reporting dispatch-task results.
 */
import { z } from "zod";
import { faultPatch } from "./faults.ts";
import { HttpError, parseBody } from "./router.ts";
import type { SimContext } from "./simulator.ts";
import { answerTaskItems } from "./task-answers.ts";

const rateBody = z.object({ rate: z.number().min(0).max(100_000) });
const generateBody = z.object({ count: z.number().int().min(1).max(1_000_000) });
const taskResultsBody = z.object({
  /** who reports; defaults to the task's officers */
  officerCertNos: z.array(z.string().min(1)).min(1).optional(),
  results: z
    .array(
      z.object({
        /** one of the task's item codes (the province's own code) */
        itemCode: z.string().min(1),
        outcome: z.enum(["compliant", "non_compliant"]),
        findings: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

export function registerControlRoutes(ctx: SimContext): void {
  const { router, store, faults, pacer, generator, dialect } = ctx;
  const counts = () => ({
    records: store.records.size,
    received: store.received.size,
    tasks: store.tasks.size,
    officers: store.officers.size,
    enterprises: store.enterprises.size,
  });

  router
    .on("GET", "/_sim/health", () => ({
      status: 200,
      body: {
        ok: true,
        province: dialect.province,
        rate: pacer.rate,
        latestSeq: store.latestSeq,
        counts: counts(),
        faults: faults.settings,
        down: faults.isDown(),
      },
    }))
    .on("POST", "/_sim/rate", (req) => {
      pacer.setRate(parseBody(req, rateBody).rate);
      return { status: 200, body: { rate: pacer.rate } };
    })
    .on("GET", "/_sim/faults", () => ({ status: 200, body: faults.settings }))
    .on("POST", "/_sim/faults", (req) => ({ status: 200, body: faults.update(parseBody(req, faultPatch)) }))
    .on("DELETE", "/_sim/faults", () => ({ status: 200, body: faults.reset() }))
    .on("POST", "/_sim/generate", (req) => {
      const { count } = parseBody(req, generateBody);
      const started = performance.now();
      generator.generate(count);
      const elapsedMs = Math.round(performance.now() - started);
      return { status: 200, body: { created: count, latestSeq: store.latestSeq, elapsedMs } };
    })
    .on("GET", "/_sim/store", () => ({
      status: 200,
      body: {
        province: dialect.province,
        latestSeq: store.latestSeq,
        counts: counts(),
        records: [...store.records.values()].map((r) => dialect.record(r)),
        received: [...store.received.values()].map((r) => dialect.received(r)),
        tasks: [...store.tasks.values()].map((t) => dialect.task(t)),
        officers: [...store.officers.values()].map((o) => dialect.officer(o)),
        enterprises: [...store.enterprises.values()].map((e) => dialect.enterprise(e)),
      },
    }))
    // to the millisecond, in epoch ms: the dialects' own times are coarser (Sichuan's have whole seconds)
    .on("GET", "/_sim/arrivals", () => ({
      status: 200,
      body: {
        arrivals: [...store.received.values()].map(({ origin, originId, version, receivedAt }) => ({
          origin,
          originId,
          version,
          receivedAt,
        })),
      },
    }))
    .on("POST", "/_sim/tasks/:taskId/results", (req) => {
      const task = store.tasks.get(req.params.taskId ?? "");
      if (!task) throw new HttpError(404, "NOT_FOUND", `no dispatch task ${req.params.taskId}`);
      const body = parseBody(req, taskResultsBody);
      const unknown = body.results.filter((r) => !task.itemCodes.includes(r.itemCode)).map((r) => r.itemCode);
      if (unknown.length > 0) throw new HttpError(400, "BAD_INPUT", `items not in the task: ${unknown.join(", ")}`);
      const answers = body.results.map((result) => ({
        itemCode: result.itemCode,
        result: result.outcome === "compliant" ? ("COMPLIANT" as const) : ("NON_COMPLIANT" as const),
        findings: result.findings ?? null,
      }));
      const records = answerTaskItems(store, task, answers, body.officerCertNos);
      return { status: 200, body: { records: records.map((r) => dialect.record(r)) } };
    });
}
