-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "sources" JSONB NOT NULL,
    "key" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "lastChangedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "retractedAt" DATETIME,
    "retractionReason" TEXT,
    "correctionReason" TEXT,
    CONSTRAINT "Report_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_lastChangedById_fkey" FOREIGN KEY ("lastChangedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Rows from before this column were last changed by their author as far as the row knows (the audit log has the rest).
INSERT INTO "new_Report" ("authorId", "lastChangedById", "body", "correctionReason", "createdAt", "id", "key", "publishedAt", "retractedAt", "retractionReason", "sources", "status", "title", "updatedAt", "version") SELECT "authorId", "authorId", "body", "correctionReason", "createdAt", "id", "key", "publishedAt", "retractedAt", "retractionReason", "sources", "status", "title", "updatedAt", "version" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

