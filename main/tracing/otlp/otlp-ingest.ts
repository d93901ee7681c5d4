import { AssayError } from '../../../shared/errors';
import { readJsonBody } from '../../server/json-body';
import type { IngestServices } from '../../server/ingest-services';
import type { SpanRecord } from '../span-record';
import { otlpError } from './otlp-error';
import { decodeOtlpJson } from './otlp-json-decode';
import { decodeOtlpProtobuf } from './otlp-proto-decode';
import type { OtlpSpan } from './otlp-types';
import { mapSpan } from './span-mapping';

export type OtlpEncoding = 'protobuf' | 'json';

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The OTLP encoding a content-type names, or null for anything else. */
export function otlpEncodingOf(contentType: string | undefined): OtlpEncoding | null {
  const type = mediaTypeOf(contentType);
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return null;
}

/** The request's encoding from its content type; anything else is a coded 415. */
export function encodingOf(contentType: string | undefined): OtlpEncoding {
  const encoding = otlpEncodingOf(contentType);
  if (encoding) return encoding;
  const type = mediaTypeOf(contentType);
  throw new AssayError(
    'UNSUPPORTED_MEDIA_TYPE',
    `/v1/traces: content-type "${type.slice(0, 64)}" is not OTLP; send application/x-protobuf or application/json`,
    { field: 'content-type' },
  );
}

export function decodeOtlp(body: Uint8Array, encoding: OtlpEncoding): OtlpSpan[] {
  if (encoding === 'protobuf') return decodeOtlpProtobuf(body);
  const parsed = readJsonBody(body);
  if (!parsed.ok) throw otlpError(parsed.message, { field: '(body)', ...parsed.details });
  return decodeOtlpJson(parsed.value);
}

/** `assay.prompt` refs of a batch, each resolved once; an unknown ref maps to null (kept as a note). */
async function resolvePrompts(
  spans: readonly OtlpSpan[],
  services: IngestServices,
): Promise<Map<string, string | null>> {
  const refs = new Set<string>();
  for (const s of spans) {
    const ref = s.attributes['assay.prompt'];
    if (typeof ref === 'string' && ref !== '') refs.add(ref);
  }
  const out = new Map<string, string | null>();
  for (const ref of refs) {
    try {
      out.set(ref, (await services.prompts.resolveRef(ref)).versionId);
    } catch {
      out.set(ref, null);
    }
  }
  return out;
}

/** Decoded spans as SpanRecords (all checked, priced and redacted) ready for one ingest. */
export async function mapOtlpSpans(
  spans: readonly OtlpSpan[],
  services: IngestServices,
): Promise<SpanRecord[]> {
  await services.llm.prices.ready();
  const ctx = {
    secrets: services.secrets.knownValues(),
    cost: services.llm.prices.cost.bind(services.llm.prices),
    prompts: await resolvePrompts(spans, services),
  };
  return spans.map((span, index) => mapSpan(span, index, ctx));
}

/**
 * One export request end to end: decode, map, store all of it or none (the tracing service
 * checks ids and parent cycles over the whole batch). Returns how many spans were new.
 */
export async function ingestOtlp(
  body: Uint8Array,
  encoding: OtlpEncoding,
  services: IngestServices,
): Promise<number> {
  const records = await mapOtlpSpans(decodeOtlp(body, encoding), services);
  return services.tracing.ingest(records, 'otlp', '/v1/traces');
}
