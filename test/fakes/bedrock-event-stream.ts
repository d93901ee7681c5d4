import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** Bedrock's binary event-stream frames (application/vnd.amazon.eventstream) for ConverseStream. */
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: 'string' as const, value });
// Real Bedrock pads every event with a `p` field (so sizes do not leak token lengths); the fake
// sends one too, so clients are shown to ignore it.
export const frame = (type: string, payload: object): Uint8Array =>
  codec.encode({
    headers: {
      ':event-type': str(type),
      ':content-type': str('application/json'),
      ':message-type': str('event'),
    },
    body: fromUtf8(
      JSON.stringify({
        ...payload,
        p: 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + (type.length % 20)),
      }),
    ),
  });
// The SDK names stream exceptions by their union member: `throttlingException`, not the class.
export const exceptionFrame = (kind: string, message: string): Uint8Array =>
  codec.encode({
    headers: {
      ':exception-type': str(kind.charAt(0).toLowerCase() + kind.slice(1)),
      ':content-type': str('application/json'),
      ':message-type': str('exception'),
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
