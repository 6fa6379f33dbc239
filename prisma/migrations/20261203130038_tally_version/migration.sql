-- Each UTC day's tally version (issue #14; docs/decisions/0032-kept-tallies.md): the statistics thread
-- reads again only the days and months whose versions moved (server/services/stats/internal/tally-cache.ts).
-- CreateTable
CREATE TABLE "TallyVersion" (
    "day" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    PRIMARY KEY ("day", "shard")
);

-- Every day that has tallies already gets a row: a month or day without one is read as empty.
INSERT INTO "TallyVersion" ("day", "shard", "version") SELECT DISTINCT "day", 0, 1 FROM "EventDay";
