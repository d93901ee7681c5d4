/**
 * Money is integer pico-dollars (1e-12 USD). A price of $0.00875 per million tokens is 8,750
 * pico-dollars per token, so every published price is an exact integer rate and a call's cost
 * is an exact integer sum. Floats appear only when formatting for display.
 * Number stays exact up to 2^53 pico-dollars (about $9,000) per value; totals are summed in
 * SQLite's 64-bit integers.
 */
export type PicoUsd = number;

export const PICO_PER_USD = 1_000_000_000_000;

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/**
 * Parses a price in USD per 1M tokens (a decimal string such as "3.00" or "0.00875") into
 * pico-dollars per token. Returns null when the text is not a plain decimal with at most six
 * decimal places (finer prices do not exist and would not be exact).
 */
export function pricePerMillionToPicoPerToken(text: string): PicoUsd | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(6, '0'));
  // USD per 1M tokens == micro-USD per token; one micro-USD is 1e6 pico-USD.
  return whole * 1_000_000 + fraction;
}

/** Inverse of pricePerMillionToPicoPerToken, without trailing zeros beyond two decimals. */
export function picoPerTokenToPricePerMillion(rate: PicoUsd): string {
  const whole = Math.floor(rate / 1_000_000);
  const fraction = String(rate % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

export function picoToUsd(pico: PicoUsd): number {
  return pico / PICO_PER_USD;
}

/** USD (a provided cost, a filter bound) as whole pico-dollars. */
export function usdToPico(usd: number): PicoUsd {
  return Math.round(usd * PICO_PER_USD);
}

/** `$0.001234`-style display: enough digits that a single cheap call is not shown as $0.00. */
export function formatUsd(pico: PicoUsd | null): string {
  if (pico === null) return 'unpriced';
  const usd = picoToUsd(pico);
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  if (usd >= 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toPrecision(3)}`;
}
