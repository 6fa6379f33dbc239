-- Published events per UTC day, type, region of the main place, faction and confidence (issue #14), so
-- that /api/stats/counts and the day series read a tally instead of every matching event. Kept beside
-- EventDay (the timeline's, by day, type and region), which stays small. Built from the stored history.
CREATE TABLE "EventCount" (
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "EventCount_pkey" PRIMARY KEY ("day","type","regionSlug","factionSlug","confidence")
);

INSERT INTO "EventCount" ("day", "type", "regionSlug", "factionSlug", "confidence", "n")
SELECT to_char(e."occurredAt", 'YYYY-MM-DD'), e."type", COALESCE(p."regionSlug", ''), e."factionSlug", e."confidence", COUNT(*)
FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" JOIN "Place" p ON p."slug" = e."placeSlug"
WHERE r."status" = 'published'
GROUP BY 1, 2, 3, 4, 5;
