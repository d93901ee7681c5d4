/** One numbered schema step of one dialect. `up` runs inside the transaction of every pending step. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly up: string;
}

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

export function migrationLabel(m: Migration): string {
  return `${String(m.id).padStart(4, '0')}_${m.name}`;
}
