/**
 * The packaged workbench is served from `app://assay/`. A custom standard scheme (not file://)
 * gives the renderer a real origin, so the CSP's 'self', the IPC sender check and the
 * navigation guard all have something precise to compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'assay';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
