import { APP_ENTRY_URL, APP_ORIGIN } from './app-url';

/** What the window loads and which origins count as the app's own. */
export interface RendererTarget {
  readonly entryUrl: string;
  /** Origins trusted for IPC and allowed as navigation targets. */
  readonly appOrigins: readonly string[];
  /** The electron-vite dev server, or null when the built renderer is served over app://. */
  readonly devServerUrl: string | null;
}

/**
 * Development (`electron-vite dev`) loads the dev server named in ELECTRON_RENDERER_URL. A
 * packaged app ignores that variable: otherwise anyone able to set an environment variable
 * could point the privileged window, IPC included, at a page of their choosing.
 */
export function resolveRendererTarget(isPackaged: boolean, env: NodeJS.ProcessEnv): RendererTarget {
  const devUrl = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    const parsed = new URL(devUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${devUrl}`);
    }
    return { entryUrl: parsed.href, appOrigins: [parsed.origin], devServerUrl: parsed.href };
  }
  return { entryUrl: APP_ENTRY_URL, appOrigins: [APP_ORIGIN], devServerUrl: null };
}
