CREATE TABLE "kb_contact_submissions" (
	"visit" text PRIMARY KEY NOT NULL,
	"ip_hash" text NOT NULL,
	"email_hash" text NOT NULL,
	"pow" boolean NOT NULL,
	"ticket_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_view_marks" (
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"translation_id" uuid NOT NULL,
	CONSTRAINT "kb_view_marks_day_visitor_translation_id_pk" PRIMARY KEY("day","visitor","translation_id")
);
--> statement-breakpoint
DROP INDEX "report_sla_targets_at_idx";--> statement-breakpoint
DROP INDEX "report_facts_created_idx";--> statement-breakpoint
DROP INDEX "report_facts_first_reply_idx";--> statement-breakpoint
DROP INDEX "report_facts_first_solved_idx";--> statement-breakpoint
DROP INDEX "report_facts_last_solved_idx";--> statement-breakpoint
DROP INDEX "report_facts_escalated_idx";--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "kb_editor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "bot" jsonb;--> statement-breakpoint
ALTER TABLE "kb_contact_submissions" ADD CONSTRAINT "kb_contact_submissions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_view_marks" ADD CONSTRAINT "kb_view_marks_translation_id_kb_article_translations_id_fk" FOREIGN KEY ("translation_id") REFERENCES "public"."kb_article_translations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_contact_submissions_ip_idx" ON "kb_contact_submissions" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "kb_contact_submissions_email_idx" ON "kb_contact_submissions" USING btree ("email_hash","created_at");--> statement-breakpoint
CREATE INDEX "report_facts_open_idx" ON "report_ticket_facts" USING btree ("team_id","assignee_id","unsolved") WHERE upper_inf(unsolved) and not merged;--> statement-breakpoint
CREATE INDEX "report_facts_closed_idx" ON "report_ticket_facts" USING btree (upper(unsolved),"team_id","assignee_id","unsolved") WHERE not upper_inf(unsolved) and not merged;--> statement-breakpoint
CREATE INDEX "report_sla_targets_at_idx" ON "report_sla_targets" USING btree ("at","team_id","assignee_id","status","metric","policy_id") WHERE not merged;--> statement-breakpoint
CREATE INDEX "report_facts_created_idx" ON "report_ticket_facts" USING btree ("created_at","team_id","assignee_id","channel","chat_outcome","frt_calendar","frt_business") WHERE not merged;--> statement-breakpoint
CREATE INDEX "report_facts_first_reply_idx" ON "report_ticket_facts" USING btree ("first_reply_at","team_id","assignee_id","frt_calendar","frt_business") WHERE not merged;--> statement-breakpoint
CREATE INDEX "report_facts_first_solved_idx" ON "report_ticket_facts" USING btree ("first_solved_at","team_id","assignee_id","first_reply_at","reopened_within_7d","first_resolution_calendar","first_resolution_business") WHERE not merged;--> statement-breakpoint
CREATE INDEX "report_facts_last_solved_idx" ON "report_ticket_facts" USING btree ("last_solved_at","team_id","assignee_id","first_reply_at","first_solved_at","one_touch","no_touch","agent_replies","fcr","full_resolution_calendar","full_resolution_business") WHERE not merged;--> statement-breakpoint
CREATE INDEX "report_facts_escalated_idx" ON "report_ticket_facts" USING btree ("escalated_at","team_id","assignee_id","first_reply_at","first_solved_at","last_solved_at","escalated_hierarchical","escalated_functional") WHERE escalated_at is not null and not merged;--> statement-breakpoint
-- The reports read these tables through index-only scans, which skip the table only for pages
-- vacuum has marked all-visible; every fact refresh unmarks a page, so vacuum comes sooner.
ALTER TABLE "report_ticket_facts" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "report_sla_targets" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
