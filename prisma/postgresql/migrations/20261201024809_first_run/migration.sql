-- CreateTable
CREATE TABLE "SetupCode" (
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetupCode_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "FirstRun" (
    "id" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "adminId" TEXT NOT NULL,

    CONSTRAINT "FirstRun_pkey" PRIMARY KEY ("id")
);

