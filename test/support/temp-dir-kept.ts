import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory that lives until the caller removes it (for suites that span tests). */
export function tempDirKept(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
