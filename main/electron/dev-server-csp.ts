import type { Session } from 'electron';
import { originOf } from '../ipc/trusted-sender';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { devContentSecurityPolicy } from './dev-csp';

/**
 * In development the page comes from Vite's dev server, which sends no CSP. Adding one here
 * means the renderer is developed under (nearly) the production policy, so a violation shows
 * up while coding, not first in the packaged app.
 */
export function applyDevServerCsp(session: Session, devServerUrl: string): void {
  const policy = devContentSecurityPolicy(CONTENT_SECURITY_POLICY, devServerUrl);
  const devOrigin = originOf(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== devOrigin) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    // Header names arrive in any case; drop every variant so only ours applies.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
