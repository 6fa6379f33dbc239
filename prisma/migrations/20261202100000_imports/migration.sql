-- Imports (issue #18): each import's record, which report each source row became, and the actor map.
-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "publish" BOOLEAN NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL,
    "attribution" JSONB NOT NULL,
    CONSTRAINT "Import_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportedRow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "revisedAt" DATETIME,
    "importId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ActorMapping" (
    "actor" TEXT NOT NULL PRIMARY KEY,
    "factionSlug" TEXT NOT NULL,
    CONSTRAINT "ActorMapping_factionSlug_fkey" FOREIGN KEY ("factionSlug") REFERENCES "Faction" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt");

-- CreateIndex
CREATE INDEX "ImportedRow_reportId_idx" ON "ImportedRow"("reportId");

