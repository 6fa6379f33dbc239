-- The EventDay tally also by faction and confidence (issue #14), so that /api/stats/counts reads the
-- tally instead of every matching event. Rebuilt from the stored history (published reports only).
DROP TABLE "EventDay";

CREATE TABLE "EventDay" (
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "first" TIMESTAMP(3) NOT NULL,
    "last" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventDay_pkey" PRIMARY KEY ("day","type","regionSlug","factionSlug","confidence")
);

INSERT INTO "EventDay" ("day", "type", "regionSlug", "factionSlug", "confidence", "n", "first", "last")
SELECT to_char(e."occurredAt", 'YYYY-MM-DD'), e."type", COALESCE(p."regionSlug", ''), e."factionSlug", e."confidence", COUNT(*), MIN(e."occurredAt"), MAX(e."occurredAt")
FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" JOIN "Place" p ON p."slug" = e."placeSlug"
WHERE r."status" = 'published'
GROUP BY 1, 2, 3, 4, 5;
