-- The control index kept in the database (issue #14; docs/decisions/0031-control-index-snapshot.md).
-- CreateTable
CREATE TABLE "ControlIndexSnapshot" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "format" INTEGER NOT NULL,
    "changes" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ControlIndexSnapshot_pkey" PRIMARY KEY ("id")
);

