CREATE TABLE "appointment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"change" text NOT NULL,
	"scope" text DEFAULT 'one' NOT NULL,
	"from_starts_at" timestamp with time zone,
	"to_starts_at" timestamp with time zone,
	"from_chair_id" uuid,
	"to_chair_id" uuid,
	"reason" text,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid NOT NULL,
	CONSTRAINT "appointment_changes_change_valid" CHECK ("appointment_changes"."change" IN ('booked', 'moved', 'cancelled', 'no-show', 'late-cancel', 'status')),
	CONSTRAINT "appointment_changes_scope_valid" CHECK ("appointment_changes"."scope" IN ('one', 'following', 'series'))
);
--> statement-breakpoint
CREATE TABLE "appointment_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "appointment_series_kind_valid" CHECK ("appointment_series"."kind" IN ('induction', 'maintenance'))
);
--> statement-breakpoint
CREATE TABLE "appointment_types" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"duration_min" integer NOT NULL,
	"needs_chair" boolean NOT NULL,
	"needs_nurse" boolean NOT NULL,
	"needs_prescriber" boolean NOT NULL,
	CONSTRAINT "appointment_types_key_valid" CHECK ("appointment_types"."key" IN ('evaluation', 'infusion', 'follow-up', 'response-review', 'esketamine')),
	CONSTRAINT "appointment_types_duration_positive" CHECK ("appointment_types"."duration_min" > 0)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid,
	"appointment_type" text NOT NULL,
	"chair_id" uuid,
	"nurse_user_id" uuid,
	"nurse_slot" smallint,
	"prescriber_user_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"series_id" uuid,
	"occurrence_number" integer,
	"order_version" integer,
	"notes" text,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"status_changed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "appointments_range" CHECK ("appointments"."starts_at" < "appointments"."ends_at"),
	CONSTRAINT "appointments_status_valid" CHECK ("appointments"."status" IN ('booked', 'checked-in', 'in-progress', 'completed', 'cancelled', 'no-show', 'late-cancel')),
	CONSTRAINT "appointments_nurse_slot" CHECK (("appointments"."nurse_user_id" IS NULL) = ("appointments"."nurse_slot" IS NULL) AND ("appointments"."nurse_slot" IS NULL OR "appointments"."nurse_slot" >= 1)),
	CONSTRAINT "appointments_series_occurrence" CHECK (("appointments"."series_id" IS NULL) = ("appointments"."occurrence_number" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "clinic_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"closed_on" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "clinic_closures_day_format" CHECK ("clinic_closures"."closed_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "clinic_opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	CONSTRAINT "clinic_opening_hours_weekday_valid" CHECK ("clinic_opening_hours"."weekday" BETWEEN 0 AND 6),
	CONSTRAINT "clinic_opening_hours_format" CHECK ("clinic_opening_hours"."opens_at" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "clinic_opening_hours"."closes_at" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "clinic_opening_hours"."opens_at" < "clinic_opening_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "embedded_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"state" text DEFAULT 'created' NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "embedded_jobs_state_valid" CHECK ("embedded_jobs"."state" IN ('created', 'active', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"send_after" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbox_messages_channel_valid" CHECK ("outbox_messages"."channel" IN ('email', 'sms')),
	CONSTRAINT "outbox_messages_status_valid" CHECK ("outbox_messages"."status" IN ('queued', 'sent', 'failed', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "plan_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"dose_mg_per_kg" numeric(4, 2),
	"weight_basis" text DEFAULT 'actual' NOT NULL,
	"infusion_duration_min" integer NOT NULL,
	"esketamine_dose_mg" integer,
	"weight_kg" numeric(5, 1),
	"weight_observed_at" timestamp with time zone,
	"computed_dose_mg" numeric(6, 1),
	"reason" text,
	"ordered_by" uuid NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_orders_version_positive" CHECK ("plan_orders"."version" >= 1),
	CONSTRAINT "plan_orders_weight_basis_valid" CHECK ("plan_orders"."weight_basis" IN ('actual', 'ideal', 'adjusted')),
	CONSTRAINT "plan_orders_duration_positive" CHECK ("plan_orders"."infusion_duration_min" > 0),
	CONSTRAINT "plan_orders_dose_present" CHECK (("plan_orders"."dose_mg_per_kg" IS NOT NULL AND "plan_orders"."dose_mg_per_kg" > 0) OR "plan_orders"."esketamine_dose_mg" IN (28, 56, 84)),
	CONSTRAINT "plan_orders_signed_together" CHECK (("plan_orders"."signed_at" IS NULL) = ("plan_orders"."signed_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"route" text NOT NULL,
	"phase" text NOT NULL,
	"indication_kind" text DEFAULT 'psychiatric' NOT NULL,
	"default_infusions" integer NOT NULL,
	"dose_mg_per_kg" numeric(4, 2),
	"esketamine_dose_mg" integer,
	"infusion_duration_min" integer NOT NULL,
	"recovery_min" integer NOT NULL,
	"chair_time_min" integer NOT NULL,
	"max_per_rolling_7_days" integer,
	"booster_interval_min_days" integer,
	"booster_interval_max_days" integer,
	"titration_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "protocols_route_valid" CHECK ("protocols"."route" IN ('iv-ketamine', 'esketamine')),
	CONSTRAINT "protocols_phase_valid" CHECK ("protocols"."phase" IN ('induction', 'maintenance', 'pain')),
	CONSTRAINT "protocols_indication_kind_valid" CHECK ("protocols"."indication_kind" IN ('psychiatric', 'pain')),
	CONSTRAINT "protocols_infusions_positive" CHECK ("protocols"."default_infusions" BETWEEN 1 AND 52),
	CONSTRAINT "protocols_times_positive" CHECK ("protocols"."infusion_duration_min" > 0 AND "protocols"."recovery_min" >= 0 AND "protocols"."chair_time_min" >= "protocols"."infusion_duration_min"),
	CONSTRAINT "protocols_dose_by_route" CHECK (("protocols"."route" = 'iv-ketamine' AND "protocols"."dose_mg_per_kg" > 0 AND "protocols"."esketamine_dose_mg" IS NULL) OR ("protocols"."route" = 'esketamine' AND "protocols"."esketamine_dose_mg" IN (28, 56, 84) AND "protocols"."dose_mg_per_kg" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "staff_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "staff_exceptions_kind_valid" CHECK ("staff_exceptions"."kind" IN ('leave', 'holiday', 'sick', 'extra')),
	CONSTRAINT "staff_exceptions_range" CHECK ("staff_exceptions"."starts_at" < "staff_exceptions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "staff_working_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "staff_working_hours_weekday_valid" CHECK ("staff_working_hours"."weekday" BETWEEN 0 AND 6),
	CONSTRAINT "staff_working_hours_role_valid" CHECK ("staff_working_hours"."role" IN ('nurse', 'prescriber')),
	CONSTRAINT "staff_working_hours_format" CHECK ("staff_working_hours"."starts_at" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "staff_working_hours"."ends_at" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "staff_working_hours"."starts_at" < "staff_working_hours"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "staffing_rules" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"nurse_max_infusing_chairs" smallint DEFAULT 2 NOT NULL,
	"prescriber_on_site_required" boolean DEFAULT true NOT NULL,
	"late_cancel_hours" smallint DEFAULT 24 NOT NULL,
	"reminder_hours_before" smallint DEFAULT 48 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staffing_rules_single_row" CHECK ("staffing_rules"."id" = 1),
	CONSTRAINT "staffing_rules_nurse_max_valid" CHECK ("staffing_rules"."nurse_max_infusing_chairs" BETWEEN 1 AND 8),
	CONSTRAINT "staffing_rules_hours_valid" CHECK ("staffing_rules"."late_cancel_hours" >= 0 AND "staffing_rules"."reminder_hours_before" >= 0)
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"protocol_id" uuid NOT NULL,
	"indication" text NOT NULL,
	"route" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"infusions_planned" integer NOT NULL,
	"response_review_due" timestamp with time zone,
	"maintenance_review_due" timestamp with time zone,
	"maintenance_end_point" text,
	"preferred_weekdays" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"preferred_earliest_time" text,
	"preferred_latest_time" text,
	"ordered_by" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "treatment_plans_route_valid" CHECK ("treatment_plans"."route" IN ('iv-ketamine', 'esketamine')),
	CONSTRAINT "treatment_plans_status_valid" CHECK ("treatment_plans"."status" IN ('active', 'paused', 'completed', 'stopped')),
	CONSTRAINT "treatment_plans_stopped_reason" CHECK ("treatment_plans"."status" <> 'stopped' OR ("treatment_plans"."status_reason" IS NOT NULL AND btrim("treatment_plans"."status_reason") <> '')),
	CONSTRAINT "treatment_plans_infusions_positive" CHECK ("treatment_plans"."infusions_planned" BETWEEN 1 AND 52),
	CONSTRAINT "treatment_plans_weekdays_valid" CHECK ("treatment_plans"."preferred_weekdays" <@ ARRAY[0,1,2,3,4,5,6]::smallint[]),
	CONSTRAINT "treatment_plans_preferred_times" CHECK (("treatment_plans"."preferred_earliest_time" IS NULL OR "treatment_plans"."preferred_earliest_time" ~ '^[0-2][0-9]:[0-5][0-9]$') AND ("treatment_plans"."preferred_latest_time" IS NULL OR "treatment_plans"."preferred_latest_time" ~ '^[0-2][0-9]:[0-5][0-9]$'))
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid,
	"appointment_type" text NOT NULL,
	"earliest_on" text NOT NULL,
	"latest_on" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offered_chair_id" uuid,
	"offered_starts_at" timestamp with time zone,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "waitlist_entries_status_valid" CHECK ("waitlist_entries"."status" IN ('waiting', 'offered', 'booked', 'removed')),
	CONSTRAINT "waitlist_entries_dates" CHECK ("waitlist_entries"."earliest_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND "waitlist_entries"."latest_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND "waitlist_entries"."earliest_on" <= "waitlist_entries"."latest_on")
);
--> statement-breakpoint
ALTER TABLE "appointment_changes" ADD CONSTRAINT "appointment_changes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_changes" ADD CONSTRAINT "appointment_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_appointment_type_appointment_types_key_fk" FOREIGN KEY ("appointment_type") REFERENCES "public"."appointment_types"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_chair_id_chairs_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."chairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_nurse_user_id_users_id_fk" FOREIGN KEY ("nurse_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_prescriber_user_id_users_id_fk" FOREIGN KEY ("prescriber_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_id_appointment_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."appointment_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_exceptions" ADD CONSTRAINT "staff_exceptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_exceptions" ADD CONSTRAINT "staff_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_working_hours" ADD CONSTRAINT "staff_working_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_appointment_type_appointment_types_key_fk" FOREIGN KEY ("appointment_type") REFERENCES "public"."appointment_types"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_offered_chair_id_chairs_id_fk" FOREIGN KEY ("offered_chair_id") REFERENCES "public"."chairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_changes_appointment_idx" ON "appointment_changes" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_series_plan_idx" ON "appointment_series" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "appointments_starts_idx" ON "appointments" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_plan_idx" ON "appointments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("series_id","occurrence_number");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_closures_day_key" ON "clinic_closures" USING btree ("closed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_opening_hours_weekday_key" ON "clinic_opening_hours" USING btree ("weekday");--> statement-breakpoint
CREATE INDEX "embedded_jobs_due_idx" ON "embedded_jobs" USING btree ("state","run_after");--> statement-breakpoint
CREATE INDEX "outbox_messages_status_idx" ON "outbox_messages" USING btree ("status","send_after");--> statement-breakpoint
CREATE INDEX "outbox_messages_appointment_idx" ON "outbox_messages" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_orders_plan_version_key" ON "plan_orders" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "protocols_key_key" ON "protocols" USING btree ("key");--> statement-breakpoint
CREATE INDEX "staff_exceptions_user_idx" ON "staff_exceptions" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "staff_working_hours_user_idx" ON "staff_working_hours" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_patient_idx" ON "treatment_plans" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "waitlist_entries_status_idx" ON "waitlist_entries" USING btree ("status","earliest_on");