import { AssayError } from '../../../shared/errors';

/** The URL as it may be shown: any password replaced, so logs and errors never carry it. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable database URL)';
  }
}

/** Checks `--database` / ASSAY_DATABASE_URL before any connection is tried. */
export function parseDatabaseUrl(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AssayError(
      'CONFIG_INVALID',
      `${field} is not a URL; expected postgres://user@host:5432/database`,
      { issues: [{ path: field, message: 'not a URL' }] },
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AssayError(
      'CONFIG_INVALID',
      `${field} must be a postgres:// URL, not ${parsed.protocol}//…`,
      { issues: [{ path: field, message: 'unsupported scheme' }] },
    );
  }
  if (parsed.pathname.length <= 1) {
    throw new AssayError('CONFIG_INVALID', `${field} names no database (postgres://host/NAME)`, {
      issues: [{ path: field, message: 'no database name' }],
    });
  }
  return url;
}
