import type { ImportWarning } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { sameContent } from './case-draft';
import { insertDrafts } from './cases';
import type { DatasetRepository } from './dataset-repository';
import type { CaseRecord } from './dataset-rows';
import { readDatasetFile } from './import-dataset';
import { insertDataset } from './lifecycle';
import type { Suite, SuiteFileCases } from '../suite/load-suite';

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
export async function syncSuiteDataset(
  repo: DatasetRepository,
  suite: Suite,
  options: { readonly skipUnmapped?: boolean } = {},
): Promise<SyncedDataset> {
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

  const changed = await createdOnce(() => replaceCases(repo, name, suite, parsed, drafts, cases));
  return {
    name,
    changed,
    cases: drafts.length,
    warnings: [...parsed.warnings],
    lineOf: (index) => parsed.cases[index]?.at.lineOf?.([]),
  };
}

/**
 * Two `assay eval` of one new suite at once (CI jobs on a team server): both see no dataset and
 * both create it; the one whose insert loses gets the name CONFLICT. Its second attempt finds
 * the winner's dataset and syncs into it like any later run.
 */
async function createdOnce(sync: () => Promise<boolean>): Promise<boolean> {
  try {
    return await sync();
  } catch (err) {
    if (!(err instanceof AssayError) || err.code !== 'CONFLICT') throw err;
    return sync();
  }
}

type Read = ReturnType<typeof readDatasetFile>;

async function replaceCases(
  repo: DatasetRepository,
  name: string,
  suite: Suite,
  parsed: Read['parsed'],
  drafts: Read['drafts'],
  cases: SuiteFileCases,
): Promise<boolean> {
  return repo.transaction(async (trx) => {
    let row = await trx.byName(name);
    if (row && row.deletedAt) {
      await trx.setDatasetDeleted(row.id, null, new Date().toISOString());
      row = await trx.byName(name);
    }
    if (!row) {
      row = await insertDataset(
        trx,
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
    // Two `assay eval` of one suite on Postgres: the second compares after the first commits.
    await trx.lock(row.id);
    const existing: CaseRecord[] = [];
    for await (const found of trx.iterateCases(row.id)) existing.push(found);
    const unchanged =
      existing.length === drafts.length && drafts.every((d, i) => sameContent(d, existing[i]!));
    if (unchanged) return false;
    await trx.softDeleteLiveCases(row.id, new Date().toISOString());
    await insertDrafts(trx, row, drafts, 'assay eval');
    return true;
  });
}
