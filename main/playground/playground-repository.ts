import type { Kysely, Selectable } from 'kysely';
import type { PlaygroundRunView } from '../../shared/contract';
import { readJson, writeJson } from '../store/json-column';
import type { DB, PlaygroundRunTable } from '../store/schema';

/** Playground runs: written once when every column has settled, read as history. */
export class PlaygroundRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(run: PlaygroundRunView): Promise<void> {
    await this.db
      .insertInto('playground_run')
      .values({
        id: run.id,
        created_at: run.createdAt,
        prompt_name: run.promptName,
        prompt_version: run.promptVersion,
        variables_json: writeJson(run.variables),
        messages_json: writeJson(run.messages),
        columns_json: writeJson(run.columns),
      })
      .execute();
  }

  /** One run, or null when no such run is stored. */
  async byId(id: string): Promise<PlaygroundRunView | null> {
    const row = await this.db
      .selectFrom('playground_run')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? viewOf(row) : null;
  }

  /** Newest first; UUIDv7 ids order runs started within the same millisecond. */
  async recent(limit: number): Promise<PlaygroundRunView[]> {
    const rows = await this.db
      .selectFrom('playground_run')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(viewOf);
  }
}

/** A stored run as the contract shows it: its JSON columns are read here and nowhere else. */
function viewOf(row: Selectable<PlaygroundRunTable>): PlaygroundRunView {
  return {
    id: row.id,
    createdAt: row.created_at,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    variables: readJson<PlaygroundRunView['variables']>(row.variables_json),
    messages: readJson<PlaygroundRunView['messages']>(row.messages_json),
    columns: readJson<PlaygroundRunView['columns']>(row.columns_json),
  };
}
