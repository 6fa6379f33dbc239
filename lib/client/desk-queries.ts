/** The desk's server data, in the TanStack Query cache: queues of reports, one report with revisions, users, tokens, audit. */
import { queryOptions } from "@tanstack/react-query";
import type { AuditPage } from "../schemas/audit";
import type { Report, ReportsPage } from "../schemas/reports";
import type { ApiToken, User } from "../schemas/users";
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
