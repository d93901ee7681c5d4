import type { ImportWarning } from '../../../shared/contract';
import { contentOf, sameContent } from '../datasets/case-draft';
import { insertDrafts } from '../datasets/cases';
import type { DatasetStore } from '../datasets/dataset-store';
import { readDatasetFile } from '../datasets/import-dataset';
import { insertDataset } from '../datasets/lifecycle';
import type { Suite } from './load-suite';

/** Dataset names of suites: `suite/<slug of the suite name>`. */
export function suiteDatasetName(suite: Suite): string {
  const slug =
    suite.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'suite';
  return `suite/${slug}`.slice(0, 128);
}

/**
 * Makes the suite's dataset hold exactly the suite's cases: created on first use, left alone
 * when unchanged, else its live cases are replaced in one transaction. Runs align cases by
 * their inputs (case keys), so replacing rows keeps comparisons with earlier runs meaningful.
 */
export function syncSuiteDataset(
  store: DatasetStore,
  suite: Suite,
): { name: string; changed: boolean; cases: number; warnings: ImportWarning[] } {
  const name = suiteDatasetName(suite);
  const { parsed, drafts } = readDatasetFile(
    suite.dataset.format,
    suite.dataset.content,
    suite.dataset.fileName,
    suite.dataset.source,
  );
  return store.transaction(() => {
    let row = store.byName(name);
    if (row && row.deleted_at) {
      store.updateDataset({ ...row, deleted_at: null, updated_at: new Date().toISOString() });
      row = store.byName(name)!;
    }
    if (!row) {
      row = insertDataset(
        store,
        {
          name,
          interactionType: parsed.meta.interactionType ?? 'chat',
          description: `Cases of ${suite.file}`,
          tags: ['suite'],
        },
        'assay eval',
      );
    }
    const existing = [...store.iterateCases(row.id)];
    const unchanged =
      existing.length === drafts.length &&
      drafts.every((d, i) => sameContent(contentOf(d), existing[i]!));
    if (!unchanged) {
      const now = new Date().toISOString();
      for (const c of existing) store.softDeleteCase(c.id, now);
      insertDrafts(store, row, drafts, 'assay eval');
    }
    return { name, changed: !unchanged, cases: drafts.length, warnings: [...parsed.warnings] };
  });
}
