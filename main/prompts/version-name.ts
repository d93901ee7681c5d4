import { AssayError } from '../../shared/errors';

export interface VersionNumber {
  readonly major: number;
  readonly minor: number;
}

/** `v1.2`: the one spelling of a version everywhere (contract, files, refs, labels). */
export function formatVersion(v: VersionNumber): string {
  return `v${v.major}.${v.minor}`;
}

/** Parses `v1.2`; the contract's regex has usually checked it already. */
export function parseVersion(name: string): VersionNumber {
  const match = /^v(\d+)\.(\d+)$/.exec(name);
  if (!match) throw new AssayError('VALIDATION_FAILED', `"${name}" is not a version such as v1.2`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Negative when `a` is older than `b`. */
export function compareVersions(a: VersionNumber, b: VersionNumber): number {
  return a.major - b.major || a.minor - b.minor;
}
