/** "$0.0123"; null (a model without a price) is "unpriced", never $0. */
export function usdText(usd: number | null): string {
  if (usd === null) return 'unpriced';
  const abs = Math.abs(usd);
  // Two significant digits below a cent (a replay of a few calls costs fractions of one), so
  // a small real cost never reads as $0.0000; capped at pico-dollars, the money unit.
  const digits =
    abs === 0 ? 2 : abs < 0.01 ? Math.min(12, Math.ceil(-Math.log10(abs)) + 1) : abs < 1 ? 3 : 2;
  return `${usd < 0 ? '-' : ''}$${abs.toFixed(digits)}`;
}

/** A signed difference: "+$0.010", "-$0.002". */
export function signedUsd(usd: number | null): string {
  if (usd === null) return 'unpriced';
  return usd > 0 ? `+${usdText(usd)}` : usdText(usd);
}

/** A score delta on the 0..1 scale, signed, three decimals. */
export function signed(n: number | null, digits = 3): string {
  if (n === null) return '—';
  const text = n.toFixed(digits);
  return n > 0 ? `+${text}` : text;
}

export function percent(n: number | null): string {
  return n === null ? '—' : `${(n * 100).toFixed(1)}%`;
}

export function msText(ms: number | null): string {
  return ms === null ? '—' : `${Math.round(ms)} ms`;
}

/** What an input or output shows in a table cell: text as is, anything else as JSON. */
export function shownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
