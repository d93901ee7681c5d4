/**
 * Where non-secret settings live: electron-store in the desktop app, `conf` (which
 * electron-store wraps) when headless. Both satisfy this shape.
 */
export interface SettingsBackend {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}
