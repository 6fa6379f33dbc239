/** The desk's server data, in the TanStack Query cache: queues of reports, one report with revisions, users, tokens, audit. */
import { queryOptions } from "@tanstack/react-query";
import type { AuditPage } from "../schemas/audit";
import type { Baseline, Region } from "../schemas/reference";
import type { Report, ReportsPage } from "../schemas/reports";
import type { Situation } from "../schemas/situations";
import type { ApiToken, User } from "../schemas/users";
import type { Webhook, WebhookDelivery } from "../schemas/webhooks";
import { api } from "./api";
import { adminKeys, deskKeys } from "./query-keys";

/** How many reports each desk queue shows. */
export const DESK_QUEUE_SIZE = 30;

/** The desk's and the admin screens' keys live in lib/client/query-keys.ts. */
export { adminKeys, deskKeys };

export const queueQuery = (status: "draft" | "published" | "retracted") =>
  queryOptions({
    queryKey: deskKeys.queue(status),
    queryFn: () => api<ReportsPage>(`/api/reports?status=${status}&limit=${DESK_QUEUE_SIZE}`).then((page) => page.reports),
  });

export const reportQuery = (id: string) =>
  queryOptions({ queryKey: deskKeys.report(id), queryFn: () => api<Report>(`/api/reports/${encodeURIComponent(id)}`) });

export const usersQuery = () => queryOptions({ queryKey: adminKeys.users, queryFn: () => api<User[]>("/api/users") });
export const tokensQuery = (userId: string) =>
  queryOptions({ queryKey: adminKeys.tokens(userId), queryFn: () => api<ApiToken[]>(`/api/users/${userId}/tokens`) });
export const auditQuery = () => queryOptions({ queryKey: adminKeys.audit, queryFn: () => api<AuditPage>("/api/audit?limit=100") });
export const situationsQuery = () => queryOptions({ queryKey: adminKeys.situations, queryFn: () => api<Situation[]>("/api/situations") });
/** The page's situation's baseline and regions (the admin's setup of the situation the desk works on). */
export const baselineQuery = () => queryOptions({ queryKey: adminKeys.baseline, queryFn: () => api<Baseline>("/api/baseline") });
export const regionsQuery = () => queryOptions({ queryKey: adminKeys.regions, queryFn: () => api<Region[]>("/api/regions") });
export const webhooksQuery = () => queryOptions({ queryKey: adminKeys.webhooks, queryFn: () => api<Webhook[]>("/api/webhooks"), refetchInterval: 10_000 });
export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: adminKeys.deliveries(id),
    queryFn: () => api<WebhookDelivery[]>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`),
    refetchInterval: 5_000,
  });
