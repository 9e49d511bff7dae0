CREATE TABLE "nps_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"segment" jsonb NOT NULL,
	"every_days" integer,
	"product_name" text DEFAULT '' NOT NULL,
	"expiry_days" integer DEFAULT 28 NOT NULL,
	"last_run_at" timestamp with time zone,
	"next_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_opt_outs" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"survey_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"scale" integer NOT NULL,
	"good" boolean,
	"comment" text,
	"reason" text,
	"ces" integer,
	"answered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"csat_enabled" boolean DEFAULT true NOT NULL,
	"scale" integer DEFAULT 2 NOT NULL,
	"delay_minutes" integer DEFAULT 1440 NOT NULL,
	"channels" jsonb DEFAULT '["email","chat","web","api","phone","form"]'::jsonb NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ces_enabled" boolean DEFAULT false NOT NULL,
	"expiry_days" integer DEFAULT 28 NOT NULL,
	"throttle_days" integer DEFAULT 7 NOT NULL,
	"nps_quiet_days" integer DEFAULT 90 NOT NULL,
	"min_sample" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ticket_id" uuid,
	"contact_id" uuid NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"channel" text,
	"organization_id" uuid,
	"campaign_id" uuid,
	"delivery" text NOT NULL,
	"scale" integer NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"nonce" text NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_daily" (
	"day" date NOT NULL,
	"tz" text NOT NULL,
	"created" integer NOT NULL,
	"solved" integer NOT NULL,
	"backlog" integer NOT NULL,
	"snapshot_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_daily_day_tz_pk" PRIMARY KEY("day","tz")
);
--> statement-breakpoint
CREATE TABLE "report_sla_targets" (
	"ticket_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"metric" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"organization_id" uuid,
	"channel" text NOT NULL,
	"priority" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"merged" boolean DEFAULT false NOT NULL,
	CONSTRAINT "report_sla_targets_ticket_id_idx_pk" PRIMARY KEY("ticket_id","idx")
);
--> statement-breakpoint
CREATE TABLE "report_ticket_facts" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"requester_id" uuid,
	"organization_id" uuid,
	"channel" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"merged" boolean DEFAULT false NOT NULL,
	"first_reply_at" timestamp with time zone,
	"frt_calendar" double precision,
	"frt_business" double precision,
	"first_solved_at" timestamp with time zone,
	"last_solved_at" timestamp with time zone,
	"first_resolution_calendar" double precision,
	"first_resolution_business" double precision,
	"full_resolution_calendar" double precision,
	"full_resolution_business" double precision,
	"agent_replies" integer DEFAULT 0 NOT NULL,
	"reopens" integer DEFAULT 0 NOT NULL,
	"reopened_within_7d" boolean DEFAULT false NOT NULL,
	"one_touch" boolean DEFAULT false NOT NULL,
	"no_touch" boolean DEFAULT false NOT NULL,
	"fcr" boolean DEFAULT false NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalated_hierarchical" boolean DEFAULT false NOT NULL,
	"escalated_functional" boolean DEFAULT false NOT NULL,
	"chat_outcome" text,
	"sla_achieved" integer DEFAULT 0 NOT NULL,
	"sla_breached" integer DEFAULT 0 NOT NULL,
	"sla_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sla_first_at" timestamp with time zone,
	"sla_last_at" timestamp with time zone,
	"unsolved" "tstzmultirange" NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"recipient_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"extra_emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"weekday" integer DEFAULT 1 NOT NULL,
	"hour" integer DEFAULT 8 NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"team_id" uuid,
	"last_slot" text,
	"last_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD COLUMN "survey_offer" jsonb;--> statement-breakpoint
ALTER TABLE "survey_opt_outs" ADD CONSTRAINT "survey_opt_outs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_campaign_id_nps_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."nps_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sla_targets" ADD CONSTRAINT "report_sla_targets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_ticket_facts" ADD CONSTRAINT "report_ticket_facts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_reports" ADD CONSTRAINT "scheduled_reports_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_answered_idx" ON "survey_responses" USING btree ("answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_csat_ticket_key" ON "surveys" USING btree ("ticket_id") WHERE kind = 'csat';--> statement-breakpoint
CREATE INDEX "surveys_contact_idx" ON "surveys" USING btree ("contact_id","kind","sent_at");--> statement-breakpoint
CREATE INDEX "surveys_sent_idx" ON "surveys" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "surveys_campaign_idx" ON "surveys" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "report_sla_targets_at_idx" ON "report_sla_targets" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_facts_created_idx" ON "report_ticket_facts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "report_facts_first_reply_idx" ON "report_ticket_facts" USING btree ("first_reply_at");--> statement-breakpoint
CREATE INDEX "report_facts_first_solved_idx" ON "report_ticket_facts" USING btree ("first_solved_at");--> statement-breakpoint
CREATE INDEX "report_facts_last_solved_idx" ON "report_ticket_facts" USING btree ("last_solved_at");--> statement-breakpoint
CREATE INDEX "report_facts_escalated_idx" ON "report_ticket_facts" USING btree ("escalated_at") WHERE escalated_at is not null;--> statement-breakpoint
CREATE INDEX "report_facts_sla_last_idx" ON "report_ticket_facts" USING btree ("sla_last_at") WHERE sla_last_at is not null;--> statement-breakpoint
CREATE INDEX "report_facts_requester_idx" ON "report_ticket_facts" USING btree ("requester_id","last_solved_at");--> statement-breakpoint
CREATE INDEX "report_facts_unsolved_idx" ON "report_ticket_facts" USING gist ("unsolved");