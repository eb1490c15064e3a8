ALTER TABLE "coding_items" DROP CONSTRAINT "coding_items_speaker_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "coding_items" ADD CONSTRAINT "coding_items_speaker_user_id_users_id_fk" FOREIGN KEY ("speaker_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;