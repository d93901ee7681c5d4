import crypto from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { redactStrings } from '../../tracing/redact';
import type { ChatRequest, ChatResponse } from '../types';
import { canonicalJson } from './canonical-json';

/** Bumped when the cached response shape changes, so old entries simply miss. */
const CACHE_FORMAT = 1;

/** The cache key: a hash of the canonical request (provider, model, messages, every parameter). */
export function cacheKey(request: ChatRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${CACHE_FORMAT}\n${canonicalJson(request)}`)
    .digest('hex');
}

interface CacheRow {
  response_json: string;
  expires_at: number | null;
}

/** Responses by request hash in SQLite, with an optional time to live. */
export class ResponseCache {
  private readonly getStmt: Statement<[string], CacheRow>;
  private readonly putStmt: Statement<[string, string, string, string, number, number | null]>;
  private readonly deleteStmt: Statement<[string]>;
  private readonly purgeStmt: Statement<[number]>;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.getStmt = db.prepare('SELECT response_json, expires_at FROM llm_cache WHERE key = ?');
    this.putStmt = db.prepare(
      `INSERT INTO llm_cache (key, provider, model, response_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET response_json = excluded.response_json,
         created_at = excluded.created_at, expires_at = excluded.expires_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM llm_cache WHERE key = ?');
    this.purgeStmt = db.prepare(
      'DELETE FROM llm_cache WHERE expires_at IS NOT NULL AND expires_at <= ?',
    );
  }

  get(key: string): ChatResponse | null {
    const row = this.getStmt.get(key);
    if (!row) return null;
    if (row.expires_at !== null && row.expires_at <= this.now()) {
      this.deleteStmt.run(key);
      return null;
    }
    return JSON.parse(row.response_json) as ChatResponse;
  }

  /**
   * `ttlMs` null keeps the entry until purged by hand. `secrets` (the configured key values)
   * and keys of well-known shapes are cut out of every string first: an answer that echoes a
   * key is kept, and replayed, with the key as [REDACTED].
   */
  set(
    key: string,
    request: ChatRequest,
    response: ChatResponse,
    ttlMs: number | null,
    secrets: readonly string[],
  ): void {
    const now = this.now();
    this.putStmt.run(
      key,
      request.provider,
      request.model,
      redactStrings(response, secrets),
      now,
      ttlMs === null ? null : now + ttlMs,
    );
  }

  /** Drops expired entries; returns how many. */
  purgeExpired(): number {
    return this.purgeStmt.run(this.now()).changes;
  }
}
