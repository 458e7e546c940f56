import type { ApolloServerPlugin } from '@apollo/server';
import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces across the gateway and the subgraphs. Off by default: without
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_TRACES_ENABLED=true) no SDK is started and the API
 * below is a no-op. Each process opens one span per GraphQL operation; the gateway passes
 * its span to every subgraph call in a W3C `traceparent` header, so one client request is
 * one trace from gateway to the subgraphs.
 */
export function tracingEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return Boolean(source['OTEL_EXPORTER_OTLP_ENDPOINT']) || source['OTEL_TRACES_ENABLED'] === 'true';
}

let started: Promise<{ shutdown(): Promise<void> }> | undefined;

/**
 * Starts the OpenTelemetry SDK for this process when tracing is enabled, exporting over OTLP
 * (the standard OTEL_* variables configure the endpoint, headers and sampler). The SDK is
 * loaded only then, so a process with tracing off never pays for it.
 */
export async function startTracing(serviceName: string, source: Record<string, string | undefined> = process.env): Promise<{ shutdown(): Promise<void> } | undefined> {
  if (!tracingEnabled(source)) return undefined;
  started ??= (async () => {
    const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([import('@opentelemetry/sdk-node'), import('@opentelemetry/exporter-trace-otlp-http')]);
    const sdk = new NodeSDK({ serviceName: source['OTEL_SERVICE_NAME'] ?? serviceName, traceExporter: new OTLPTraceExporter() });
    sdk.start();
    return { shutdown: () => sdk.shutdown() };
  })();
  return started;
}

const tracer = () => trace.getTracer('rapport');
const spans = new WeakMap<object, Span>();

type HeaderSource = { get(name: string): string | undefined | null } | Record<string, string | string[] | undefined>;

function headerGetter(headers: HeaderSource | undefined) {
  return {
    keys: () => (headers && typeof (headers as { keys?: unknown }).keys === 'function' ? [...(headers as Map<string, string>).keys()] : Object.keys(headers ?? {})),
    get: (carrier: HeaderSource | undefined, key: string) => {
      if (!carrier) return undefined;
      if (typeof (carrier as { get?: unknown }).get === 'function') return (carrier as { get(name: string): string | undefined | null }).get(key) ?? undefined;
      const value = (carrier as Record<string, string | string[] | undefined>)[key];
      return Array.isArray(value) ? value[0] : value;
    },
  };
}

/**
 * One span per operation, named after the process and the operation, continuing the trace
 * of an incoming `traceparent` (the gateway's, for a subgraph).
 */
export function tracingPlugin<Context extends object>(service: string): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const headers = request.http?.headers;
      const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter(headers));
      const span = tracer().startSpan(
        `${service} ${request.operationName ?? 'operation'}`,
        { kind: SpanKind.SERVER, attributes: { 'rapport.service': service, 'graphql.operation.name': request.operationName ?? '' } },
        parent,
      );
      spans.set(contextValue, span);
      return {
        async didResolveOperation({ operationName }) {
          // Clients often send no operationName; the parsed document names it.
          if (operationName) span.updateName(`${service} ${operationName}`).setAttribute('graphql.operation.name', operationName);
        },
        async didEncounterErrors({ errors }) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message ?? 'error' });
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };
}

/** The `traceparent` (and `tracestate`) of a request's span, for the calls it makes. */
export function traceHeaders(contextValue: object): Record<string, string> {
  const span = spans.get(contextValue);
  if (!span) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(otelContext.active(), span), carrier);
  return carrier;
}
