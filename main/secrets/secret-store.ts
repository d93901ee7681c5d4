import fs from 'node:fs';
import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretCipher } from './secret-cipher';
import { isSecretName, SECRET_ENV, type SecretName } from './secret-names';

const fileSchema = z.object({
  version: z.literal(1),
  cipher: z.enum(['safeStorage', 'keyfile']),
  entries: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof fileSchema>;

export interface ResolvedSecret {
  readonly value: string;
  readonly source: 'stored' | 'env';
  /** The environment variable it came from, when `source` is 'env'. */
  readonly envVar?: string;
}

/**
 * API keys at rest: ciphertext only, in a 0600 JSON file beside the database (never in SQLite).
 * Plaintext lives only in this object's memory. A stored key wins over the environment, since
 * saving one in Settings is the more deliberate act.
 */
export class SecretStore {
  private constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private readonly env: NodeJS.ProcessEnv,
    private readonly data: SecretsFile,
    private readonly plain: Map<SecretName, string>,
  ) {}

  static async open(
    file: string,
    cipher: SecretCipher,
    env: NodeJS.ProcessEnv,
  ): Promise<SecretStore> {
    const data = readSecretsFile(file, cipher.kind);
    const plain = new Map<SecretName, string>();
    if (data.cipher === cipher.kind) {
      for (const [name, ciphertext] of Object.entries(data.entries)) {
        if (!isSecretName(name)) continue;
        try {
          plain.set(name, await cipher.decrypt(ciphertext));
        } catch (err) {
          // The ciphertext stays on disk untouched: a key that cannot be read now (a locked
          // keychain) may be readable next start. The UI shows it as not set.
          console.warn(`[secrets] ${name} cannot be decrypted: ${(err as Error).message}`);
        }
      }
    } else {
      console.warn(
        `[secrets] ${file} was written with ${data.cipher}, this run uses ${cipher.kind}; stored keys are unavailable until re-entered.`,
      );
    }
    return new SecretStore(file, cipher, env, data, plain);
  }

  get kind(): SecretCipher['kind'] {
    return this.cipher.kind;
  }

  resolve(name: SecretName): ResolvedSecret | null {
    const stored = this.plain.get(name);
    if (stored !== undefined) return { value: stored, source: 'stored' };
    const envVar = SECRET_ENV[name];
    const fromEnv = this.env[envVar];
    if (fromEnv) return { value: fromEnv, source: 'env', envVar };
    return null;
  }

  /** Every secret value in force (stored or from the environment), for redaction. */
  knownValues(): string[] {
    return (Object.keys(SECRET_ENV) as SecretName[])
      .map((name) => this.resolve(name)?.value)
      .filter((v): v is string => v !== undefined);
  }

  /** Sets several secrets at once (`null` deletes); the file is rewritten once. */
  async update(changes: Partial<Record<SecretName, string | null>>): Promise<void> {
    const entries = this.data.cipher === this.cipher.kind ? { ...this.data.entries } : {};
    const nextPlain = new Map(this.plain);
    for (const [name, value] of Object.entries(changes) as [
      SecretName,
      string | null | undefined,
    ][]) {
      if (value === undefined) continue;
      if (value === null) {
        delete entries[name];
        nextPlain.delete(name);
      } else {
        entries[name] = await this.cipher.encrypt(value);
        nextPlain.set(name, value);
      }
    }
    const next: SecretsFile = { version: 1, cipher: this.cipher.kind, entries };
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, 0o600);
    this.data.cipher = next.cipher;
    this.data.entries = next.entries;
    this.plain.clear();
    for (const [k, v] of nextPlain) this.plain.set(k, v);
  }
}

function readSecretsFile(file: string, kind: SecretCipher['kind']): SecretsFile {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { version: 1, cipher: kind, entries: {} };
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    // Refuse rather than overwrite: the user may be able to restore it.
    throw new AssayError(
      'SECRET_STORE_UNAVAILABLE',
      `${file} is not a valid Assay secrets file; move it aside to start with no stored keys.`,
    );
  }
  return parsed.data;
}
