import type { Kysely } from 'kysely';
import type { DB } from '../store/schema';
import { chunks } from '../store/vectors/vector-checks';
import { ID_CHUNK } from './prompt-repository';
import {
  labelEventRow,
  toLabel,
  toLabelEvent,
  type LabelEventRecord,
  type LabelRecord,
} from './prompt-rows';

/**
 * Label pointers and their append-only history. A pointer is a compare-and-set register: it
 * moves only from the version the mover saw, so two processes moving one label cannot both
 * believe they moved it from the same place.
 */
export class LabelRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async labelsOf(promptId: string): Promise<LabelRecord[]> {
    const rows = await this.db
      .selectFrom('prompt_label')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .orderBy('label')
      .execute();
    return rows.map(toLabel);
  }

  /** Each label with the number of the version it points at. */
  async labelVersions(
    promptId: string,
  ): Promise<{ label: string; versionId: string; major: number; minor: number }[]> {
    return this.db
      .selectFrom('prompt_label as l')
      .innerJoin('prompt_version as v', 'v.id', 'l.version_id')
      .select([
        'l.label as label',
        'l.version_id as versionId',
        'v.major as major',
        'v.minor as minor',
      ])
      .where('l.prompt_id', '=', promptId)
      .orderBy('l.label')
      .execute();
  }

  /** labelVersions of many prompts at once, by prompt id (a prompt without labels is absent). */
  async labelVersionsOf(
    promptIds: readonly string[],
  ): Promise<Map<string, { label: string; versionId: string; major: number; minor: number }[]>> {
    const byPrompt = new Map<
      string,
      { label: string; versionId: string; major: number; minor: number }[]
    >();
    for (const ids of chunks(promptIds, ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('prompt_label as l')
        .innerJoin('prompt_version as v', 'v.id', 'l.version_id')
        .select([
          'l.prompt_id as promptId',
          'l.label as label',
          'l.version_id as versionId',
          'v.major as major',
          'v.minor as minor',
        ])
        .where('l.prompt_id', 'in', ids)
        .orderBy('l.label')
        .execute();
      for (const { promptId, ...label } of rows) {
        const list = byPrompt.get(promptId) ?? [];
        list.push(label);
        byPrompt.set(promptId, list);
      }
    }
    return byPrompt;
  }

  async label(promptId: string, label: string): Promise<LabelRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt_label')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .where('label', '=', label)
      .executeTakeFirst();
    return row && toLabel(row);
  }

  /** Every prompt id carrying `label` (the list filter). */
  async promptIdsWithLabel(label: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('prompt_label')
      .select('prompt_id')
      .where('label', '=', label)
      .execute();
    return new Set(rows.map((r) => r.prompt_id));
  }

  /** Creates a label that does not exist yet; false when another writer created it first. */
  async insertIfAbsent(record: LabelRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('prompt_label')
      .values({
        prompt_id: record.promptId,
        label: record.label,
        version_id: record.versionId,
        updated_at: record.updatedAt,
      })
      .onConflict((oc) => oc.columns(['prompt_id', 'label']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Moves a label only if it still points at `expected`; false when someone moved it since. */
  async compareAndSet(
    promptId: string,
    label: string,
    expected: string,
    to: string,
    at: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('prompt_label')
      .set({ version_id: to, updated_at: at })
      .where('prompt_id', '=', promptId)
      .where('label', '=', label)
      .where('version_id', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertEvent(event: LabelEventRecord): Promise<void> {
    await this.db.insertInto('prompt_label_event').values(labelEventRow(event)).execute();
  }

  /** Newest first; ids are UUIDv7, so they break ties within one millisecond in order. */
  async events(promptId: string): Promise<LabelEventRecord[]> {
    const rows = await this.db
      .selectFrom('prompt_label_event')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toLabelEvent);
  }
}
