-- Situations (issue #15): the registry of the stories this desk covers, in the main database. The
-- default situation's row (Syria, whose data is this database's own) is written by the server at start
-- (server/services/situations/ensure-default-situation.ts), where its bounds are computed.
CREATE TABLE "Situation" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "names" JSONB NOT NULL,
    "countries" JSONB NOT NULL,
    "bounds" JSONB NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "store" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
