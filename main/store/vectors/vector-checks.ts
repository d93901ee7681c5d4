import { AssayError } from '../../../shared/errors';

const NAME = /^[a-z][a-z0-9_]{0,40}$/;
export const MAX_DIMENSIONS = 4096;
/** pgvector's HNSW search returns at most ef_search rows, and ef_search stops at 1000. */
export const MAX_NEIGHBOURS = 1000;

/** One vector to store under an id; the id is the caller's (a span id, a case id). */
export interface VectorItem {
  readonly id: string;
  readonly vector: Float32Array;
}

export interface Neighbour {
  readonly id: string;
  /** Cosine distance, 1 - cos(angle): 0 for the same direction, 2 for the opposite one. */
  readonly distance: number;
}

/**
 * The table that holds one index. Table names always end in `_index` (or `_bits`) while
 * sqlite-vec's shadow tables end in `_chunks`, `_rowids`, `_info`..., so no index's shadow
 * table can take the name of another index's table.
 */
export function vectorTableName(name: string): `vec_${string}_index` {
  return `vec_${name}_index`;
}

/** SQLite's second table of an index: the vectors' sign bits (sqlite-vec-index.ts). */
export function vectorBitsTableName(name: string): `vec_${string}_bits` {
  return `vec_${name}_bits`;
}

export function checkIndexShape(name: string, dimensions: number): void {
  if (!NAME.test(name)) {
    throw new AssayError(
      'VALIDATION_FAILED',
      `A vector index name is a lowercase letter then up to 40 of a-z, 0-9 and _: got ${JSON.stringify(name)}`,
    );
  }
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
    throw new AssayError(
      'VALIDATION_FAILED',
      `A vector index has 1 to ${MAX_DIMENSIONS} dimensions: got ${dimensions}`,
    );
  }
}

export function checkSameDimensions(name: string, existing: number, requested: number): void {
  if (existing !== requested) {
    throw new AssayError(
      'CONFLICT',
      `The vector index "${name}" has ${existing} dimensions, not ${requested}`,
    );
  }
}

/**
 * A vector must have the index's length and a direction: the cosine distance to a zero or
 * non-finite vector is undefined (sqlite-vec gives NULL, pgvector NaN), so it is refused here
 * the same way on both backends.
 */
export function checkVector(vector: Float32Array, dimensions: number, what: string): void {
  if (!(vector instanceof Float32Array)) {
    throw new AssayError('VALIDATION_FAILED', `${what} is not a Float32Array`);
  }
  if (vector.length !== dimensions) {
    throw new AssayError(
      'VALIDATION_FAILED',
      `${what} has ${vector.length} dimensions; the index has ${dimensions}`,
    );
  }
  let squares = 0;
  for (const x of vector) {
    if (!Number.isFinite(x)) {
      throw new AssayError('VALIDATION_FAILED', `${what} holds a value that is not finite`);
    }
    squares += x * x;
  }
  if (squares === 0) {
    throw new AssayError('VALIDATION_FAILED', `${what} is all zeros: it has no cosine distance`);
  }
}

/** The items checked, the last of any repeated id winning (as separate upserts would). */
export function checkItems(items: readonly VectorItem[], dimensions: number): VectorItem[] {
  const byId = new Map<string, VectorItem>();
  for (const item of items) {
    checkId(item.id);
    checkVector(item.vector, dimensions, `The vector for "${item.id}"`);
    byId.delete(item.id);
    byId.set(item.id, item);
  }
  return [...byId.values()];
}

export function checkIds(ids: readonly string[]): string[] {
  for (const id of ids) checkId(id);
  return [...new Set(ids)];
}

export function checkNeighbourCount(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > MAX_NEIGHBOURS) {
    throw new AssayError(
      'VALIDATION_FAILED',
      `nearest() returns 1 to ${MAX_NEIGHBOURS} neighbours: got ${k}`,
    );
  }
}

function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new AssayError('VALIDATION_FAILED', 'A vector id is a non-empty string');
  }
}

/** Splits a list so one statement stays far below either driver's parameter limit. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
