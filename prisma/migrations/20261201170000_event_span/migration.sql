-- Published events with places in regions other than their main place's (issue #14), by day and by
-- month, so that a region filter (any place of the event in the region) is counted from tallies:
-- EventCount for the events whose main place is in the regions, these for the rest. Built from the
-- stored history.
CREATE TABLE "EventSpan" (
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "otherRegions" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence")
);

CREATE TABLE "EventSpanMonth" (
    "month" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "otherRegions" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("month", "type", "regionSlug", "otherRegions", "factionSlug", "confidence")
);

INSERT INTO "EventSpan" ("day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", "n")
SELECT "day", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", COUNT(*) FROM (
    SELECT substr(e."occurredAt", 1, 10) AS "day", e."type" AS "type", COALESCE(p."regionSlug", '') AS "regionSlug",
        (SELECT group_concat(DISTINCT o."regionSlug" ORDER BY o."regionSlug") FROM "EventPlace" ep JOIN "Place" o ON o."slug" = ep."placeSlug"
         WHERE ep."eventId" = e."id" AND o."regionSlug" <> COALESCE(p."regionSlug", '')) AS "otherRegions",
        e."factionSlug" AS "factionSlug", e."confidence" AS "confidence"
    FROM "Event" e JOIN "Report" r ON r."id" = e."reportId" JOIN "Place" p ON p."slug" = e."placeSlug"
    WHERE r."status" = 'published'
) s
WHERE "otherRegions" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "EventSpanMonth" ("month", "type", "regionSlug", "otherRegions", "factionSlug", "confidence", "n")
SELECT substr("day", 1, 7), "type", "regionSlug", "otherRegions", "factionSlug", "confidence", SUM("n")
FROM "EventSpan"
GROUP BY 1, 2, 3, 4, 5, 6;
