/** The desk's import page's server data and its one upload (issue #18; the API in docs/API.md "Imports"). */
import { queryOptions } from "@tanstack/react-query";
import { IMPORT_CONTENT_TYPES } from "../imports/file-format";
import type { ActorMap, ImportQuery, ImportRecord, ImportResult } from "../schemas/imports";
import { api, upload } from "./api";
import { deskKeys } from "./query-keys";

export const importsQuery = () => queryOptions({ queryKey: deskKeys.imports, queryFn: () => api<ImportRecord[]>("/api/imports") });
export const actorMapQuery = () => queryOptions({ queryKey: deskKeys.actorMap, queryFn: () => api<ActorMap>("/api/actor-map") });

export const saveActorMap = (map: ActorMap) => api<ActorMap>("/api/actor-map", { method: "PUT", body: map });

/** `POST /api/imports?…` with the file as its body, as it is (the server reads it as it arrives). */
export function sendImport(file: Blob, query: ImportQuery, options: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {}) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
  return upload<ImportResult>(`/api/imports?${params}`, file, { contentType: IMPORT_CONTENT_TYPES[query.format], ...options });
}
