/** Small Markdown helpers that keep user content from breaking the document around it. */

/** A fenced block whose fence is longer than any backtick run inside, so content cannot close it. */
export function fenced(content: string, language = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

/** A table cell on one line: pipes escaped, line breaks as spaces. */
export function cell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

export function json(value: unknown): string {
  return fenced(JSON.stringify(value, null, 2) ?? 'null', 'json');
}

export function formatCost(costUsd: number | null): string {
  if (costUsd === null) return 'unpriced';
  if (costUsd === 0) return '$0';
  if (costUsd >= 1) return `$${costUsd.toFixed(2)}`;
  if (costUsd >= 0.01) return `$${costUsd.toFixed(4)}`;
  return `$${costUsd.toPrecision(3)}`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
