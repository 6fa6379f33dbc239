-- CreateTable
CREATE TABLE "NodeHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "lastSeen" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "NodeHeartbeat_lastSeen_idx" ON "NodeHeartbeat"("lastSeen");
