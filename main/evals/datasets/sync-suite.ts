import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { sameContent } from './case-draft';
import { insertDrafts } from './cases';
import type { DatasetRepository } from './dataset-repository';
import type { CaseRecord } from './dataset-rows';
import { insertDataset } from './lifecycle';
import { readSuiteCases } from './suite-cases';

/** Dataset names of suites: `suite/<slug of the suite name>`. */
export function suiteDatasetName(suiteName: string): string {
  const slug =
    suiteName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'suite';
  return `suite/${slug}`.slice(0, 128);
}

export type SyncSuiteInput = ParsedInput<'datasets.syncSuite'>;
export type SyncedDataset = ChannelOutput<'datasets.syncSuite'>;

/**
 * Makes the suite's dataset hold exactly the suite's cases: created on first use, left alone
 * when unchanged, else its live cases are replaced in one transaction. Runs align cases by
 * their inputs (case keys), so replacing rows keeps comparisons with earlier runs meaningful.
 */
export async function syncSuiteDataset(
  repo: DatasetRepository,
  input: SyncSuiteInput,
): Promise<SyncedDataset> {
  const name = suiteDatasetName(input.suite);
  const { parsed, drafts } = readSuiteCases(input.cases, {
    skipUnmapped: input.skipUnmapped === true,
  });
  const changed = await createdOnce(() =>
    replaceCases(repo, name, input.file, parsed, drafts, input.cases.format),
  );
  return { name, changed, cases: drafts.length, warnings: [...parsed.warnings] };
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

type Read = ReturnType<typeof readSuiteCases>;

async function replaceCases(
  repo: DatasetRepository,
  name: string,
  suiteFile: string,
  parsed: Read['parsed'],
  drafts: Read['drafts'],
  format: SyncSuiteInput['cases']['format'],
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
          description: `Cases of ${suiteFile}`,
          tags: ['suite'],
          sourceFormat: parsed.format ?? format,
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
