import type { Database } from 'better-sqlite3';
import type { PlaygroundRunView } from '../../shared/contract';

interface RunRow {
  id: string;
  created_at: string;
  prompt_name: string | null;
  prompt_version: string | null;
  variables_json: string;
  messages_json: string;
  columns_json: string;
}

/** SQL for playground runs: written once when every column has settled, read as history. */
export class PlaygroundStore {
  constructor(private readonly db: Database) {}

  insert(run: PlaygroundRunView): void {
    this.db
      .prepare(
        `INSERT INTO playground_run (id, created_at, prompt_name, prompt_version, variables_json,
           messages_json, columns_json)
         VALUES (@id, @created_at, @prompt_name, @prompt_version, @variables_json, @messages_json,
           @columns_json)`,
      )
      .run({
        id: run.id,
        created_at: run.createdAt,
        prompt_name: run.promptName,
        prompt_version: run.promptVersion,
        variables_json: JSON.stringify(run.variables),
        messages_json: JSON.stringify(run.messages),
        columns_json: JSON.stringify(run.columns),
      } satisfies RunRow);
  }

  /** One run, or null when no such run is stored. */
  byId(id: string): PlaygroundRunView | null {
    const row = this.db.prepare('SELECT * FROM playground_run WHERE id = ?').get(id) as
      RunRow | undefined;
    return row ? viewOf(row) : null;
  }

  /** Newest first; UUIDv7 ids order runs started within the same millisecond. */
  recent(limit: number): PlaygroundRunView[] {
    const rows = this.db
      .prepare('SELECT * FROM playground_run ORDER BY created_at DESC, id DESC LIMIT ?')
      .all(limit) as RunRow[];
    return rows.map(viewOf);
  }
}

/** A stored run as the contract shows it: its JSON columns are read here and nowhere else. */
function viewOf(row: RunRow): PlaygroundRunView {
  return {
    id: row.id,
    createdAt: row.created_at,
    promptName: row.prompt_name,
    promptVersion: row.prompt_version,
    variables: JSON.parse(row.variables_json) as PlaygroundRunView['variables'],
    messages: JSON.parse(row.messages_json) as PlaygroundRunView['messages'],
    columns: JSON.parse(row.columns_json) as PlaygroundRunView['columns'],
  };
}
