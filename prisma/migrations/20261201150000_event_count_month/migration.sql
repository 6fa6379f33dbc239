-- EventCount summed per UTC month (issue #14): the counts read whole months here and only the days of
-- the part months from EventCount. Built from EventCount.
CREATE TABLE "EventCountMonth" (
    "month" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "factionSlug" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("month", "type", "regionSlug", "factionSlug", "confidence")
);

INSERT INTO "EventCountMonth" ("month", "type", "regionSlug", "factionSlug", "confidence", "n")
SELECT substr("day", 1, 7), "type", "regionSlug", "factionSlug", "confidence", SUM("n")
FROM "EventCount"
GROUP BY 1, 2, 3, 4, 5;
