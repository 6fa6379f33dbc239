"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { sendImport } from "@/lib/client/import-queries";
import type { ImportQuery, ImportResult } from "@/lib/schemas/imports";

export type ImportRunState =
  | { phase: "idle" }
  /** The file is going up; the server reads and stores it as it arrives. */
  | { phase: "sending"; sent: number; total: number }
  /** All of it sent: the server finishes the last rows. */
  | { phase: "finishing"; total: number }
  | { phase: "done"; result: ImportResult }
  | { phase: "failed"; error: ApiError };

/**
 * One import request at a time (a dry run or the import), its progress and its answer. Starting again
 * stops the one under way; `stop` aborts it (on a real import the rows stored before stay, and sending
 * the file again finishes it: rows already imported are not imported twice).
 */
export function useImportRun() {
  const [state, setState] = useState<ImportRunState>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);
  const run = useCallback(async (file: Blob, query: ImportQuery): Promise<ImportResult | null> => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: "sending", sent: 0, total: file.size });
    try {
      const result = await sendImport(file, query, {
        signal: controller.signal,
        onProgress: (sent, total) => {
          if (running.current !== controller) return;
          setState(sent >= total ? { phase: "finishing", total } : { phase: "sending", sent, total });
        },
      });
      if (running.current === controller) setState({ phase: "done", result });
      return result;
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, "network", String(error));
      if (running.current === controller) setState({ phase: "failed", error: failure });
      return null;
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);
  const stop = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState({ phase: "idle" });
  }, []);
  return { state, run, stop, reset, busy: state.phase === "sending" || state.phase === "finishing" };
}
