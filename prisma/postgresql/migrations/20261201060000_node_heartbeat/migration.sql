-- CreateTable
CREATE TABLE "NodeHeartbeat" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NodeHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NodeHeartbeat_lastSeen_idx" ON "NodeHeartbeat"("lastSeen");
