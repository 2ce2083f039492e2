import type { Attributes } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter, TimedEvent } from "@opentelemetry/sdk-trace-node";
import { errorLabel, type LabelledError } from "../logging/error-labels.ts";

/**
 * @envelop/opentelemetry records a failed operation's errors on its span as one exception event
 * whose message is the JSON of the whole error list. An error message may repeat what the caller sent
 * (graphql-js: `Variable "$input" got invalid value "…"`), so it may hold an ID number: only the
 * stable codes leave the gateway (`BAD_USER_INPUT/INVALID_ID_NUMBER, FORBIDDEN`).
 */
export function redactingExporter(inner: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => inner.export(spans.map(withoutErrorMessages), done),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

function withoutErrorMessages(span: ReadableSpan): ReadableSpan {
  if (!span.events.some((event) => event.attributes?.["exception.message"] !== undefined)) return span;
  const events: TimedEvent[] = span.events.map((event) => {
    const message = event.attributes?.["exception.message"];
    if (message === undefined) return event;
    const attributes: Attributes = { ...event.attributes, "exception.message": errorCodesIn(message) };
    return { ...event, attributes };
  });
  // the span as it is (its methods included), with the events replaced
  return Object.create(span, { events: { value: events, enumerable: true } }) as ReadableSpan;
}

function errorCodesIn(message: unknown): string {
  try {
    const errors = JSON.parse(String(message)) as unknown;
    if (!Array.isArray(errors)) return "[redacted]";
    return [...new Set(errors.map((error: LabelledError) => errorLabel(error)))].join(", ");
  } catch {
    return "[redacted]";
  }
}
