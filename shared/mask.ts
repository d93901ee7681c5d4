/**
 * Masks a secret for display. Short secrets show nothing of themselves; longer ones keep a
 * 3-character prefix (a provider marker such as `sk-`) and the last 4 characters so a user can
 * tell two keys apart, which is what every provider console does too.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 16) return '••••••••';
  return `${secret.slice(0, 3)}••••••••${secret.slice(-4)}`;
}
