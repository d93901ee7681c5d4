/** One numbered schema step. `up` runs inside the same transaction as every other pending step. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly up: string;
}
