import { randomUUID } from 'node:crypto';
import type { FakeRoute } from './fake-http';

const DIMENSIONS = 64;

/**
 * A deterministic bag-of-words embedding: each lower-cased word adds 1 at a hashed position,
 * then the vector is normalized. Texts sharing words have a high cosine, unrelated ones a low
 * one, which is all a similarity test needs.
 */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    v[(h >>> 0) % DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** `POST /v1/embeddings` in OpenAI's wire format. */
export const openAiEmbeddingsRoute: FakeRoute = ({ res, body }) => {
  const { input, model, encoding_format } = body as {
    input: string | string[];
    model: string;
    encoding_format?: 'float' | 'base64';
  };
  const texts = Array.isArray(input) ? input : [input];
  // The SDK asks for base64 (little-endian float32) unless told otherwise, as the real API allows.
  const encode = (v: number[]): number[] | string =>
    encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
  const data = texts.map((t, index) => ({
    object: 'embedding',
    index,
    embedding: encode(fakeEmbedding(t)),
  }));
  const tokens = texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}` });
  res.end(
    JSON.stringify({
      object: 'list',
      data,
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    }),
  );
};
