/**
 * Ids of new reports and events: UUIDv7 (RFC 9562), whose first 48 bits are the time, so rows written
 * together sit side by side in every index keyed by id (Report.id, Event.id, EventPlace's eventId,
 * Event.reportId, the audit's subjectId) instead of one random page each (docs/decisions/0034-time-ordered-ids.md).
 * The schema's `@default(uuid(7))` gives the rows Prisma creates itself (a correction's events) the same kind.
 * Ids stay opaque strings in the API; existing UUIDv4 ids are kept.
 */
import { v7 } from "uuid";

export const newRowId = (): string => v7();
