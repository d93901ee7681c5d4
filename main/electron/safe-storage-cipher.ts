import { AssayError } from '../../shared/errors';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SECRET_ENV } from '../secrets/secret-names';

/** The slice of Electron's safeStorage this cipher uses; tests pass a stand-in. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

/**
 * API keys encrypted by the OS keychain (macOS Keychain, Windows DPAPI, Secret Service or
 * KWallet on Linux) through safeStorage's async API. Ciphertext is base64 for the JSON file.
 *
 * Without a keychain there is no safe place for a key, so encrypt and decrypt fail with
 * SECRET_STORE_UNAVAILABLE rather than write something readable. Keys from the environment
 * keep working in that case, because SecretStore reads those without this cipher.
 */
export function createSafeStorageCipher(
  storage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  // Only a positive answer is remembered: a keyring that was locked may be unlocked later.
  let available = false;
  const ensureAvailable = async (): Promise<void> => {
    if (available) return;
    if (!(await storage.isAsyncEncryptionAvailable())) throw unavailable(platform);
    // On Linux without a keyring Chromium falls back to 'basic_text': a key hard-coded in
    // Chromium, which is obfuscation, not encryption. Treat it as no keychain at all.
    if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw unavailable(platform, 'basic_text');
    }
    available = true;
  };

  return {
    kind: 'safeStorage',
    async encrypt(plain) {
      await ensureAvailable();
      const encrypted = await storage.encryptStringAsync(plain);
      return encrypted.toString('base64');
    },
    async decrypt(ciphertext) {
      await ensureAvailable();
      const raw = Buffer.from(ciphertext, 'base64');
      if (raw.length === 0) {
        throw new AssayError('SECRET_STORE_UNAVAILABLE', 'A stored secret is empty or not base64');
      }
      try {
        // `shouldReEncrypt` (a rotated OS key) cannot be reported through SecretCipher; the
        // plaintext is still correct and the next save in Settings re-encrypts it.
        const { result } = await storage.decryptStringAsync(raw);
        return result;
      } catch (err) {
        throw new AssayError(
          'SECRET_STORE_UNAVAILABLE',
          `A stored secret cannot be decrypted by the OS keychain (${err instanceof Error ? err.message : String(err)}). Re-enter the key in Settings.`,
        );
      }
    },
  };
}

function unavailable(platform: NodeJS.Platform, backend?: string): AssayError {
  const envVars = Object.values(SECRET_ENV).join(', ');
  const hint =
    platform === 'linux'
      ? 'Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and restart Assay'
      : 'Make sure the OS keychain is available and unlocked, then restart Assay';
  const found = backend
    ? ` (Electron found only the "${backend}" fallback, which is not encryption)`
    : '';
  return new AssayError(
    'SECRET_STORE_UNAVAILABLE',
    `No OS keychain is available to encrypt API keys${found}, and Assay does not store them in plain text. ${hint}, or supply keys through environment variables (${envVars}).`,
    { platform, ...(backend ? { backend } : {}) },
  );
}
