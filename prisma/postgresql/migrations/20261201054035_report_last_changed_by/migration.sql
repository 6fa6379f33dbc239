-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "lastChangedById" TEXT;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_lastChangedById_fkey" FOREIGN KEY ("lastChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rows from before this column were last changed by their author as far as the row knows (the audit log has the rest).
UPDATE "Report" SET "lastChangedById" = "authorId";
