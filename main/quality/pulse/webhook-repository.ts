import type { Kysely, Selectable } from 'kysely';
import type {
  WebhookAttempt,
  WebhookDeliveryView,
  WebhookFormat,
  WebhookView,
} from '../../../shared/contract/pulse';
import { readJson, writeJson } from '../../store/json-column';
import type { DB, WebhookDeliveryTable, WebhookTable } from '../../store/schema';

/** A webhook as stored: URL and secret as ciphertext only (webhook-secrets.ts opens them). */
export interface SealedWebhook {
  readonly id: string;
  readonly name: string;
  readonly format: WebhookFormat;
  /** Which cipher sealed it (safeStorage or keyfile). */
  readonly cipher: string;
  readonly urlCipher: string;
  readonly secretCipher: string;
  readonly urlHint: string;
  readonly createdAt: string;
}

function toWebhook(row: Selectable<WebhookTable>): SealedWebhook {
  return {
    id: row.id,
    name: row.name,
    format: row.format as WebhookFormat,
    cipher: row.cipher,
    urlCipher: row.url_cipher,
    secretCipher: row.secret_cipher,
    urlHint: row.url_hint,
    createdAt: row.created_at,
  };
}

export function webhookView(hook: SealedWebhook): WebhookView {
  return {
    id: hook.id,
    name: hook.name,
    format: hook.format,
    urlHint: hook.urlHint,
    createdAt: hook.createdAt,
  };
}

export type DeliveryRecord = WebhookDeliveryView & { readonly claimedAt: string };

function toDelivery(row: Selectable<WebhookDeliveryTable>): DeliveryRecord {
  return {
    id: row.id,
    alertId: row.alert_id,
    webhookId: row.webhook_id,
    webhookName: row.webhook_name,
    state: row.finished_at === null ? 'pending' : row.delivered === 1 ? 'delivered' : 'failed',
    attempts: readJson<WebhookAttempt[]>(row.attempts_json),
    finalError: row.final_error,
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
  };
}

export function deliveryView(d: DeliveryRecord): WebhookDeliveryView {
  return {
    id: d.id,
    alertId: d.alertId,
    webhookId: d.webhookId,
    webhookName: d.webhookName,
    state: d.state,
    attempts: d.attempts,
    finalError: d.finalError,
    createdAt: d.createdAt,
    finishedAt: d.finishedAt,
  };
}

/** Webhooks and the log of every delivery to them. */
export class WebhookRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(hook: SealedWebhook): Promise<void> {
    await this.db
      .insertInto('webhook')
      .values({
        id: hook.id,
        name: hook.name,
        format: hook.format,
        cipher: hook.cipher,
        url_cipher: hook.urlCipher,
        secret_cipher: hook.secretCipher,
        url_hint: hook.urlHint,
        created_at: hook.createdAt,
      })
      .execute();
  }

  async list(): Promise<SealedWebhook[]> {
    const rows = await this.db
      .selectFrom('webhook')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toWebhook);
  }

  async get(id: string): Promise<SealedWebhook | null> {
    const row = await this.db
      .selectFrom('webhook')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toWebhook(row) : null;
  }

  /** The webhooks of these ids that exist, in the order given. */
  async byIds(ids: readonly string[]): Promise<SealedWebhook[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('webhook').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, toWebhook(r)]));
    return ids.map((id) => byId.get(id)).filter((h): h is SealedWebhook => h !== undefined);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhook').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async insertDelivery(d: {
    id: string;
    alertId: string;
    webhookId: string;
    webhookName: string;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('webhook_delivery')
      .values({
        id: d.id,
        alert_id: d.alertId,
        webhook_id: d.webhookId,
        webhook_name: d.webhookName,
        attempts_json: '[]',
        delivered: 0,
        final_error: null,
        created_at: d.at,
        claimed_at: d.at,
        finished_at: null,
      })
      .execute();
  }

  async finishDelivery(
    id: string,
    outcome: { attempts: readonly WebhookAttempt[]; delivered: boolean; finalError: string | null },
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('webhook_delivery')
      .set({
        attempts_json: writeJson(outcome.attempts),
        delivered: outcome.delivered ? 1 : 0,
        final_error: outcome.finalError,
        finished_at: at,
      })
      .where('id', '=', id)
      .execute();
  }

  async deliveriesOf(alertId: string): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('alert_id', '=', alertId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toDelivery);
  }

  /** Deliveries still pending that some process took on before `claimedBefore`. */
  async stale(claimedBefore: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('finished_at', 'is', null)
      .where('claimed_at', '<', claimedBefore)
      .orderBy('claimed_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Takes a stale delivery on again unless another process just did; true when this one did. */
  async claim(delivery: DeliveryRecord, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_delivery')
      .set({ claimed_at: at })
      .where('id', '=', delivery.id)
      .where('claimed_at', '=', delivery.claimedAt)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
