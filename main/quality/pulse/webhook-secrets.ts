import crypto from 'node:crypto';
import { AssayError } from '../../../shared/errors';
import type { SecretCipher } from '../../secrets/secret-cipher';
import type { WebhookTarget } from './webhook-delivery';
import type { SealedWebhook } from './webhook-repository';

/**
 * A webhook's URL and signing secret are kept like API keys: ciphertext of the app's secret
 * cipher (the OS keychain through safeStorage on the desktop, AES-256-GCM with the 0600 key
 * file headless). The URL too, because a Slack incoming-webhook URL is itself the credential.
 * Plaintext exists only while a delivery is being made.
 */

/** A signing secret Assay makes when none is given: 256 random bits, as Stripe's `whsec_`. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}

/** What views show of a URL: scheme and host, never the path or query (Slack's secret part). */
export function urlHint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…`;
}

export async function sealWebhook(
  cipher: SecretCipher,
  url: string,
  secret: string,
): Promise<Pick<SealedWebhook, 'cipher' | 'urlCipher' | 'secretCipher' | 'urlHint'>> {
  return {
    cipher: cipher.kind,
    urlCipher: await cipher.encrypt(url),
    secretCipher: await cipher.encrypt(secret),
    urlHint: urlHint(url),
  };
}

/** The URL and secret to deliver with; the error never holds either. */
export async function openWebhook(
  cipher: SecretCipher,
  hook: SealedWebhook,
): Promise<WebhookTarget> {
  if (hook.cipher !== cipher.kind)
    throw new AssayError(
      'SECRET_STORE_UNAVAILABLE',
      `webhook "${hook.name}" was sealed with ${hook.cipher}, this run uses ${cipher.kind}: create it again here`,
    );
  return {
    url: await cipher.decrypt(hook.urlCipher),
    secret: await cipher.decrypt(hook.secretCipher),
    format: hook.format,
  };
}
