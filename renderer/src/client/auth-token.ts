const STORAGE_KEY = 'assay.token';

/** Kept in memory too, for browsers where sessionStorage is disabled. */
let memoryToken: string | null = null;

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return memoryToken;
  }
}

function store(token: string): void {
  memoryToken = token;
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the in-memory copy lasts until the page reloads.
  }
}

/**
 * `assay serve` prints a URL with `?token=`. The token is moved to sessionStorage (so reloads
 * keep working in this tab) and removed from the address bar, so it does not end up in
 * screenshots, history or a copied link.
 */
export function captureAuthToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    store(fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return readStored() ?? memoryToken;
}
