import { z } from "zod";
import { eventFilterSchema } from "./event-query";

/** `GET …/feed.atom`: the event filters, and the language of the entries' event lines. */
export const atomQuerySchema = eventFilterSchema.extend({
  lang: z.enum(["en", "nl"], { error: "must be en or nl" }).optional(),
});
export type AtomQuery = z.infer<typeof atomQuerySchema>;

/** Entries in one Atom document (one per report: its newest state). */
export const ATOM_ENTRIES_MAX = 50;
/** Feed entries looked through for them, newest first: a rare filter gives fewer entries, never a scan of the history. */
export const ATOM_SCAN_MAX = 5_000;
