import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { AssayError } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { createAssetHandler } from './asset-handler';
import { APP_HOST, APP_SCHEME } from './app-url';
import { INDEX_FILE } from './asset-path';

/**
 * Must run before the app is ready. `standard` gives app:// real origins and relative URL
 * resolution, `secure` makes it a secure context (like https), `supportFetchAPI` lets the
 * renderer fetch its own assets. `corsEnabled` stays off: it would make the scheme readable
 * from other origins, and the page's own same-origin requests do not need it. No bypassCSP,
 * no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererRoot` on app://assay/ (after the app is ready). */
export function serveAppProtocol(rendererRoot: string): void {
  // Checked up front: without a build the window would only ever show "Not found".
  if (!fs.existsSync(path.join(rendererRoot, INDEX_FILE))) {
    throw new AssayError(
      'INTERNAL',
      `The workbench build is missing (${path.join(rendererRoot, INDEX_FILE)}). Run \`npm run build\`.`,
    );
  }
  protocol.handle(
    APP_SCHEME,
    createAssetHandler({
      root: rendererRoot,
      host: APP_HOST,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    }),
  );
}
