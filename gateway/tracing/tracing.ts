/**
 * OpenTelemetry tracing, off unless TRACING=true (config.ts). When on, each GraphQL operation is a
 * span (`query.Items`, `mutation.IngestRecords`: @envelop/opentelemetry, gateway/app.ts) and each
 * Prisma call and SQL statement inside it a child span (@prisma/instrumentation), sent in batches to
 * an OTLP/HTTP endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).
 *
 * The packages are loaded only when tracing is on: a gateway without it neither loads nor pays for them.
 * Spans carry no personal data: no variables, no resolver arguments, no results, the document only
 * when it has no inline arguments, and error messages reduced to their codes (./redacting-exporter.ts).
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-node";
import type { Plugin } from "graphql-yoga";
import type { GatewayConfig } from "../config.ts";
import type { Logger } from "../logging/logger.ts";
import { redactingExporter } from "./redacting-exporter.ts";

export interface Tracing {
  /** the yoga plugin that makes each operation a span */
  plugin: Plugin;
  /** send what is buffered now (tests; shutdown does it too) */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** instead of OTLP/HTTP (tests: an InMemorySpanExporter) */
  exporter?: SpanExporter;
  /** where OpenTelemetry's own warnings go (e.g. a collector that cannot be reached) */
  logger?: Logger;
}

/**
 * Registers a global tracer provider (with AsyncLocalStorage context, so Prisma's spans find their
 * GraphQL parent) and Prisma's instrumentation. One per process: `shutdown()` unregisters both.
 */
export async function startTracing(
  settings: GatewayConfig["tracing"],
  options: TracingOptions = {},
): Promise<Tracing | undefined> {
  if (!settings.enabled) return undefined;
  const [api, sdk, { OTLPTraceExporter }, { resourceFromAttributes }, { PrismaInstrumentation }, envelop] =
    await Promise.all([
      import("@opentelemetry/api"),
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@prisma/instrumentation"),
      import("@envelop/opentelemetry"),
    ]);
  if (options.logger) {
    const log = options.logger;
    const at = (level: "error" | "warn" | "info" | "debug") => (message: string) => log[level](message);
    api.diag.setLogger(
      { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug"), verbose: at("debug") },
      api.DiagLogLevel.WARN,
    );
  }
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: settings.otlpTracesUrl });
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(redactingExporter(exporter))],
  });
  provider.register();
  // enabled only once it knows our provider (enabled at construction, it would take the global one)
  const prisma = new PrismaInstrumentation({ enabled: false });
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    // no variables, resolver arguments or results on spans: they may hold personal data
    plugin: envelop.useOpenTelemetry(
      { resolvers: false, variables: false, result: false },
      provider,
      api.SpanKind.SERVER,
    ) as Plugin,
    flush: () => provider.forceFlush(),
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
      api.diag.disable();
    },
  };
}
