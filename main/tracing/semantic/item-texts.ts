/**
 * The text embedded for each kind of item. Bounded so one huge payload cannot blow a
 * model's context: embeddings of the first few thousand characters carry the meaning.
 */
export const MAX_EMBED_CHARS = 4000;

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function bounded(parts: readonly string[]): string {
  return parts
    .filter((p) => p.trim() !== '')
    .join('\n')
    .slice(0, MAX_EMBED_CHARS);
}

/** A trace: its name and the input and output previews folded from its spans. */
export function traceText(row: {
  name: string;
  input_preview: string | null;
  output_preview: string | null;
}): string {
  return bounded([row.input_preview ?? '', row.output_preview ?? '', row.name]);
}

/** An interaction: its input and output as the app logged them, and its type. */
export function interactionText(row: {
  type: string;
  input_json: string;
  output_json: string | null;
}): string {
  return bounded([asText(parseJson(row.input_json)), asText(parseJson(row.output_json)), row.type]);
}

/** An eval result: the case's variables, then the output or the error. */
export function evalResultText(row: {
  vars_json: string | null;
  output: string | null;
  error_message: string | null;
}): string {
  const vars = parseJson(row.vars_json);
  const varText =
    vars !== null && typeof vars === 'object'
      ? Object.values(vars as Record<string, unknown>)
          .map(asText)
          .join('\n')
      : asText(vars);
  return bounded([varText, row.output ?? '', row.error_message ?? '']);
}
