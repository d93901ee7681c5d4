/**
 * The Content-Security-Policy for the Vite dev server. It is the production policy plus only
 * what Vite needs: 'unsafe-inline' scripts for the React Refresh preamble, and the dev
 * server's websocket for hot reload. Built from the production string so the two cannot drift.
 */
export function devContentSecurityPolicy(productionPolicy: string, devServerUrl: string): string {
  const dev = new URL(devServerUrl);
  const wsOrigin = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  const additions: Readonly<Record<string, readonly string[]>> = {
    'script-src': ["'unsafe-inline'"],
    'connect-src': [dev.origin, wsOrigin],
  };
  return productionPolicy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '')
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      const extra = (additions[name] ?? []).filter((source) => !sources.includes(source));
      return [name, ...sources, ...extra].join(' ');
    })
    .join('; ');
}
