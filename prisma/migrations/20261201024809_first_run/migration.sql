-- CreateTable
CREATE TABLE "SetupCode" (
    "codeHash" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FirstRun" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "completedAt" DATETIME NOT NULL,
    "adminId" TEXT NOT NULL
);
