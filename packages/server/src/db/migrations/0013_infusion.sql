CREATE TABLE "adverse_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reading_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actions" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "adverse_events_severity_valid" CHECK ("adverse_events"."severity" IN ('mild', 'moderate', 'severe'))
);
--> statement-breakpoint
CREATE TABLE "infusion_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid,
	"patient_id" uuid NOT NULL,
	"chair_id" uuid NOT NULL,
	"nurse_user_id" uuid,
	"kind" text DEFAULT 'iv-ketamine' NOT NULL,
	"service_date" date NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"check_in" jsonb,
	"order" jsonb,
	"pre_dose_decision" jsonb,
	"recovery" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "infusion_sessions_kind_valid" CHECK ("infusion_sessions"."kind" IN ('iv-ketamine', 'esketamine'))
);
--> statement-breakpoint
CREATE TABLE "rescue_drugs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"adverse_event_id" uuid,
	"drug" text NOT NULL,
	"dose_amount" numeric(8, 2) NOT NULL,
	"dose_unit" text NOT NULL,
	"route" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"indication" text NOT NULL,
	"linked_reading_id" uuid NOT NULL,
	"given_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"alert_key" text NOT NULL,
	"rule" smallint NOT NULL,
	"severity" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"action" text NOT NULL,
	"requires_acknowledgement" integer DEFAULT 1 NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"escalated_to" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"rate_ml_per_h" numeric(7, 1),
	"reason" text,
	"outcome" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_events_type_valid" CHECK ("session_events"."type" IN ('begin-checks', 'checks-passed', 'start', 'pause', 'resume', 'rate-change', 'stop', 'ready-for-discharge', 'discharge')),
	CONSTRAINT "session_events_outcome_valid" CHECK ("session_events"."outcome" IS NULL OR "session_events"."outcome" IN ('completed', 'stopped-early'))
);
--> statement-breakpoint
CREATE TABLE "session_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"text" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"systolic_mmhg" smallint,
	"diastolic_mmhg" smallint,
	"heart_rate_bpm" smallint,
	"spo2_pct" smallint,
	"resp_rate_per_min" smallint,
	"moaas_score" smallint,
	"dissociation_scale" text,
	"dissociation_score" smallint,
	"nausea" text,
	"symptoms" jsonb,
	"source" text DEFAULT 'chart' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_readings_bp" CHECK (("session_readings"."systolic_mmhg" IS NULL) = ("session_readings"."diastolic_mmhg" IS NULL) AND ("session_readings"."systolic_mmhg" IS NULL OR ("session_readings"."systolic_mmhg" BETWEEN 40 AND 300 AND "session_readings"."diastolic_mmhg" BETWEEN 20 AND 200 AND "session_readings"."systolic_mmhg" > "session_readings"."diastolic_mmhg"))),
	CONSTRAINT "session_readings_hr" CHECK ("session_readings"."heart_rate_bpm" IS NULL OR "session_readings"."heart_rate_bpm" BETWEEN 20 AND 250),
	CONSTRAINT "session_readings_spo2" CHECK ("session_readings"."spo2_pct" IS NULL OR "session_readings"."spo2_pct" BETWEEN 50 AND 100),
	CONSTRAINT "session_readings_rr" CHECK ("session_readings"."resp_rate_per_min" IS NULL OR "session_readings"."resp_rate_per_min" BETWEEN 0 AND 60),
	CONSTRAINT "session_readings_moaas" CHECK ("session_readings"."moaas_score" IS NULL OR "session_readings"."moaas_score" BETWEEN 0 AND 5)
);
--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_chair_id_chairs_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."chairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_nurse_user_id_users_id_fk" FOREIGN KEY ("nurse_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusion_sessions" ADD CONSTRAINT "infusion_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drugs" ADD CONSTRAINT "rescue_drugs_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drugs" ADD CONSTRAINT "rescue_drugs_adverse_event_id_adverse_events_id_fk" FOREIGN KEY ("adverse_event_id") REFERENCES "public"."adverse_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drugs" ADD CONSTRAINT "rescue_drugs_linked_reading_id_session_readings_id_fk" FOREIGN KEY ("linked_reading_id") REFERENCES "public"."session_readings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drugs" ADD CONSTRAINT "rescue_drugs_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_escalated_to_users_id_fk" FOREIGN KEY ("escalated_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_readings" ADD CONSTRAINT "session_readings_session_id_infusion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."infusion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_readings" ADD CONSTRAINT "session_readings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adverse_events_session_idx" ON "adverse_events" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "infusion_sessions_appointment_key" ON "infusion_sessions" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "infusion_sessions_date_idx" ON "infusion_sessions" USING btree ("service_date");--> statement-breakpoint
CREATE INDEX "infusion_sessions_patient_idx" ON "infusion_sessions" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "rescue_drugs_session_idx" ON "rescue_drugs" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_alerts_key" ON "session_alerts" USING btree ("session_id","alert_key");--> statement-breakpoint
CREATE UNIQUE INDEX "session_events_seq_key" ON "session_events" USING btree ("session_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "session_notes_session_key" ON "session_notes" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_readings_session_idx" ON "session_readings" USING btree ("session_id","taken_at");