/** The most a request body may hold, compressed or not: a gzip bomb stops decompressing here. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** One attribute's string (or bytes) value: far above any prompt, far below a memory problem. */
export const MAX_ATTRIBUTE_CHARS = 4 * 1024 * 1024;
/**
 * AnyValue arrays and kvlists nested deeper than this are refused (real data nests a few levels).
 * Each kvlist level is three protobuf messages, and protobufjs stops at 100 message levels.
 */
export const MAX_VALUE_DEPTH = 16;
/** Attributes per span and events per span. */
export const MAX_ATTRIBUTES = 2048;
export const MAX_EVENTS = 1024;
/** What a span keeps of its unmapped attributes, as JSON text. */
export const MAX_KEPT_ATTRIBUTES_CHARS = 64 * 1024;
/** Indexed attributes (`gen_ai.prompt.N`, `llm.input_messages.N`) above this index are refused. */
export const MAX_MESSAGE_INDEX = 10_000;
/**
 * Spans in one request (the exporters send 512 by default): a 32 MB body of tiny spans would
 * otherwise be hundreds of thousands of spans in one transaction, holding the writer for seconds.
 */
export const MAX_SPANS_PER_REQUEST = 20_000;
