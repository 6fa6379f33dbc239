-- DropIndex
DROP INDEX "Event_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Event_occurredAt_id_idx" ON "Event"("occurredAt", "id");

