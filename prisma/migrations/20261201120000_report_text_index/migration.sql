-- Free text `q` over reports' titles and bodies through an index (issue #14; docs/decisions/0020-free-text-index.md):
-- an FTS5 table with the trigram tokenizer (substring matching, ASCII case folded, as LIKE) over the Report
-- table's own rows (external content, keyed by rowid), kept by triggers. Not in schema.prisma: Prisma has
-- no model for a virtual table.
CREATE VIRTUAL TABLE "ReportText" USING fts5("title", "body", content='Report', content_rowid='rowid', tokenize='trigram');
INSERT INTO "ReportText"("ReportText") VALUES ('rebuild');

CREATE TRIGGER "Report_text_insert" AFTER INSERT ON "Report" BEGIN
  INSERT INTO "ReportText"(rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;
CREATE TRIGGER "Report_text_delete" AFTER DELETE ON "Report" BEGIN
  INSERT INTO "ReportText"("ReportText", rowid, "title", "body") VALUES ('delete', old.rowid, old."title", old."body");
END;
CREATE TRIGGER "Report_text_update" AFTER UPDATE OF "title", "body" ON "Report" BEGIN
  INSERT INTO "ReportText"("ReportText", rowid, "title", "body") VALUES ('delete', old.rowid, old."title", old."body");
  INSERT INTO "ReportText"(rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;
