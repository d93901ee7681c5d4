import type { ImportWarning } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { contentOf, sameContent } from '../datasets/case-draft';
import { insertDrafts } from '../datasets/cases';
import type { DatasetStore } from '../datasets/dataset-store';
import { readDatasetFile } from '../datasets/import-dataset';
import { insertDataset } from '../datasets/lifecycle';
import type { Suite, SuiteFileCases } from './load-suite';

/** Dataset names of suites: `suite/<slug of the suite name>`. */
export function suiteDatasetName(suite: Suite): string {
  const slug =
    suite.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'suite';
  return `suite/${slug}`.slice(0, 128);
}

export interface SyncedDataset {
  readonly name: string;
  readonly changed: boolean;
  readonly cases: number;
  readonly warnings: ImportWarning[];
  /**
   * The file line case `index` (in the dataset's order) was written on, for pre-flight
   * messages. Asked only when one is needed: the first answer builds the YAML document with
   * positions, which the fast parse skips (5,000 cases: about a second).
   */
  readonly lineOf: (index: number) => number | undefined;
}

/**
 * Makes the suite's dataset hold exactly the suite's cases: created on first use, left alone
 * when unchanged, else its live cases are replaced in one transaction. Runs align cases by
 * their inputs (case keys), so replacing rows keeps comparisons with earlier runs meaningful.
 */
export function syncSuiteDataset(
  store: DatasetStore,
  suite: Suite,
  options: { readonly skipUnmapped?: boolean } = {},
): SyncedDataset {
  const name = suiteDatasetName(suite);
  const cases: SuiteFileCases | { stored: string } = suite.dataset;
  if ('stored' in cases)
    throw new AssayError(
      'CONFIG_INVALID',
      `${suite.file}: the suite runs the stored dataset "${cases.stored}"; it has no cases of its own to import`,
    );
  const { parsed, drafts } = readDatasetFile(
    cases.format,
    cases.content,
    cases.fileName,
    cases.source,
    options,
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
          sourceFormat: parsed.format ?? cases.format,
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
    return {
      name,
      changed: !unchanged,
      cases: drafts.length,
      warnings: [...parsed.warnings],
      lineOf: (index) => parsed.cases[index]?.at.lineOf?.([]),
    };
  });
}
