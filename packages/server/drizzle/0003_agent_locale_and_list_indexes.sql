DROP INDEX "tickets_created_idx";--> statement-breakpoint
DROP INDEX "tickets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_team_unsolved_idx";--> statement-breakpoint
DROP INDEX "tickets_assignee_idx";--> statement-breakpoint
DROP INDEX "tickets_requester_idx";--> statement-breakpoint
DROP INDEX "tickets_org_idx";--> statement-breakpoint
DROP INDEX "tickets_status_idx";--> statement-breakpoint
ALTER TABLE "agents" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "agents" ALTER COLUMN "locale" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_team_unsolved_idx" ON "tickets" USING btree ("team_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('new', 'open', 'pending', 'on_hold');--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_requester_idx" ON "tickets" USING btree ("requester_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_org_idx" ON "tickets" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status","created_at" DESC NULLS FIRST);