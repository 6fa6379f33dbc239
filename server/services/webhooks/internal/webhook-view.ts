import type { Webhook, WebhookDelivery, WebhookFilter } from "../../../../lib/schemas/webhooks";

/** A stored webhook as the API shows it: never its secret, nor which node delivers it. */
export function toWebhook(row: {
  id: string;
  url: string;
  situation: string;
  filter: unknown;
  createdAt: Date;
  cursor: number;
  failures: number;
  nextAttemptAt: Date | null;
}): Webhook {
  return {
    id: row.id,
    url: row.url,
    situation: row.situation,
    filter: row.filter as WebhookFilter,
    createdAt: row.createdAt.toISOString(),
    cursor: row.cursor,
    failures: row.failures,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  };
}

export function toDelivery(row: {
  id: string;
  seq: number;
  kind: string;
  reportId: string;
  at: Date;
  attempt: number;
  status: number | null;
  error: string | null;
  durationMs: number;
}): WebhookDelivery {
  return { ...row, at: row.at.toISOString() };
}
