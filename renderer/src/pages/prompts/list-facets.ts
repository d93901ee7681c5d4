import type { PromptSummary } from '../../../../shared/contract';

/** Labels and tags in use, for the filters; production is always offered. */
export function listFacets(prompts: readonly PromptSummary[] | null): {
  labels: string[];
  tags: string[];
} {
  const labels = new Set<string>(['production']);
  const tags = new Set<string>();
  for (const prompt of prompts ?? []) {
    for (const label of Object.keys(prompt.labels)) if (label !== 'latest') labels.add(label);
    for (const tag of prompt.tags) tags.add(tag);
  }
  const sortedLabels = [...labels].sort((a, b) =>
    a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b),
  );
  return { labels: sortedLabels, tags: [...tags].sort() };
}
