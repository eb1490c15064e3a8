ALTER TABLE "program_cycles" ADD COLUMN "invited_count" integer;--> statement-breakpoint
ALTER TABLE "program_cycles" ADD COLUMN "responded_count" integer;--> statement-breakpoint
ALTER TABLE "resonance_tests" ADD COLUMN "responded" integer;--> statement-breakpoint
-- Rounds already closed are counted once, as lib/cycles/close-cycle.ts and lib/resonance/close-resonance-test.ts do from now on.
UPDATE "program_cycles" c SET
  "invited_count" = (SELECT count(*)::int FROM "cycle_notifications" n WHERE n."cycle_id" = c."id" AND n."kind" = 'invitation'),
  "responded_count" = (SELECT count(*)::int FROM "responses" r WHERE r."instrument_id" = c."instrument_id" AND r."status" = 'completed')
WHERE c."status" = 'closed';--> statement-breakpoint
UPDATE "resonance_tests" t SET "responded" = (SELECT count(*)::int FROM "responses" r WHERE r."instrument_id" = t."instrument_id" AND r."status" = 'completed')
WHERE t."status" = 'closed';
