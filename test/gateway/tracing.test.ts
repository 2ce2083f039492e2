/**
 * OpenTelemetry tracing (TRACING=true): a GraphQL operation is a span, the Prisma queries it makes are
 * its children in the same trace, and the spans carry no personal data. Off by default.
 */
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../gateway/config.ts";
import { officerRecord, UPSERT_OFFICERS } from "../schema/libraries-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const exporter = new InMemorySpanExporter();
let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ env: { TRACING: "true" }, tracing: { exporter } });
});
afterAll(() => t.dispose());

async function spansOf(run: () => Promise<unknown>) {
  exporter.reset();
  await run();
  await t.tracing!.flush();
  return exporter.getFinishedSpans();
}

describe("tracing", () => {
  it("is off unless configured, and then sends to the local OTLP/HTTP collector", () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.tracing).toEqual({
      enabled: false,
      otlpTracesUrl: "http://127.0.0.1:4318/v1/traces",
      serviceName: "gaozhu-gateway",
    });
    const on = parseConfig({
      TRACING: "true",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://otel.gz.example/v1/traces",
    });
    expect(on.ok && on.config.tracing).toMatchObject({
      enabled: true,
      otlpTracesUrl: "https://otel.gz.example/v1/traces",
    });
  });

  it("traces an operation with its Prisma queries as children of its span", async () => {
    const spans = await spansOf(() =>
      t.gql("query Officers { officers(first: 5) { edges { node { id } } } }", { as: "gz" }),
    );
    const operation = spans.find((span) => span.name === "query.Officers");
    expect(operation).toBeDefined();
    const { traceId, spanId } = operation!.spanContext();
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const findMany = inTrace.find(
      (span) => span.name === "prisma:client:operation" && span.attributes.name === "Officer.findMany",
    );
    expect(findMany?.parentSpanContext?.spanId).toBe(spanId);
    expect(inTrace.some((span) => span.name === "prisma:client:db_query")).toBe(true);
    expect(operation!.resource.attributes["service.name"]).toBe("gaozhu-gateway");
  });

  it("keeps personal data off the spans: no variables, and errors by their codes only", async () => {
    const officer = officerRecord({ certificateNumber: "SC-GZ-2026-0952" });
    const idNumber = officer.idNumber as string;
    const spans = await spansOf(async () => {
      await t.gql(UPSERT_OFFICERS, { as: "sc", variables: { records: [officer] } });
      // graphql-js repeats the misplaced ID number in its error message
      const refused = await t.gql(UPSERT_OFFICERS, {
        as: "sc",
        variables: { records: [{ ...officer, version: idNumber }] },
      });
      expect(JSON.stringify(refused.errors)).toContain(idNumber);
    });
    const operations = spans.filter((span) => span.name.startsWith("mutation."));
    expect(operations).toHaveLength(2);
    const errorEvent = operations
      .flatMap((span) => span.events)
      .find((event) => event.attributes?.["exception.type"] === "graphql.execute.error");
    expect(errorEvent?.attributes?.["exception.message"]).toMatch(/^[A-Z_]+(\/[A-Z_]+)?$/);
    const exported = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })),
    );
    for (const personal of [idNumber, officer.phone, officer.homeAddress]) expect(exported).not.toContain(personal);
  });
});
