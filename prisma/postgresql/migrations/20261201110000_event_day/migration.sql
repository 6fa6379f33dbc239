-- CreateTable
CREATE TABLE "EventDay" (
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "first" TIMESTAMP(3) NOT NULL,
    "last" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventDay_pkey" PRIMARY KEY ("day","type","regionSlug")
);

-- The tally of the history already stored (published reports only).
INSERT INTO "EventDay" ("day", "type", "regionSlug", "n", "first", "last")
SELECT to_char(e."occurredAt", 'YYYY-MM-DD'), e."type", COALESCE(p."regionSlug", ''), COUNT(*), MIN(e."occurredAt"), MAX(e."occurredAt")
FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" JOIN "Place" p ON p."slug" = e."placeSlug"
WHERE r."status" = 'published'
GROUP BY 1, 2, 3;
