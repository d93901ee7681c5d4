/**
 * Encrypts secrets at rest. The desktop app uses Electron's safeStorage (OS keychain);
 * headless runs use a 0600 key file. Ciphertext is base64 so it can live in JSON.
 */
export interface SecretCipher {
  readonly kind: 'safeStorage' | 'keyfile';
  encrypt(plain: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
}
