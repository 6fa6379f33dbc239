-- Imports (issue #18): each import's record, which report each source row became, and the actor map.
-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "publish" BOOLEAN NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "rows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL,
    "attribution" JSONB NOT NULL,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedRow" (
    "key" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "revisedAt" TIMESTAMP(3),
    "importId" TEXT NOT NULL,

    CONSTRAINT "ImportedRow_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ActorMapping" (
    "actor" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,

    CONSTRAINT "ActorMapping_pkey" PRIMARY KEY ("actor")
);

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt");

-- CreateIndex
CREATE INDEX "ImportedRow_reportId_idx" ON "ImportedRow"("reportId");

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorMapping" ADD CONSTRAINT "ActorMapping_factionSlug_fkey" FOREIGN KEY ("factionSlug") REFERENCES "Faction"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

