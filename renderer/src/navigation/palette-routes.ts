/**
 * The URLs the command palette opens. Selections are path segments (names may hold "/", so they
 * are encoded); `?new=1` asks the page to open its create dialog, so an action is a link like
 * any other: reload and Back keep it.
 */
const q = encodeURIComponent;

export const paletteHref = {
  prompt: (name: string) => `/prompts/${q(name)}`,
  dataset: (name: string) => `/datasets/${q(name)}`,
  run: (id: string) => `/evals/runs/${q(id)}`,
  newPrompt: '/prompts?new=1',
  newRun: '/evals?new=1',
  playground: '/playground',
  welcome: '/welcome',
} as const;

/**
 * Opens a hash URL with its query inside the hash (`#/evals?new=1`), where the pages read it
 * and where links put it; wouter's navigate would move the query before the hash.
 */
export function openHash(href: string): void {
  window.location.hash = href;
}
