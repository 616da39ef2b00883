CREATE TABLE "clinic_rule_config" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "clinic_rule_config_single_row" CHECK ("clinic_rule_config"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "allergies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"substance" text NOT NULL,
	"reaction" text,
	"severity" text DEFAULT 'unknown' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "allergies_severity_valid" CHECK ("allergies"."severity" IN ('mild', 'moderate', 'severe', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "antidepressant_trials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"drug" text NOT NULL,
	"dose_mg_per_day" numeric(8, 2),
	"weeks" numeric(5, 1) NOT NULL,
	"adequate" boolean NOT NULL,
	"outcome" text NOT NULL,
	"current_episode" boolean NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "antidepressant_trials_outcome_valid" CHECK ("antidepressant_trials"."outcome" IN ('non-response', 'partial-response', 'response', 'remission', 'intolerance', 'unknown')),
	CONSTRAINT "antidepressant_trials_weeks_range" CHECK ("antidepressant_trials"."weeks" > 0 AND "antidepressant_trials"."weeks" <= 520),
	CONSTRAINT "antidepressant_trials_dose_range" CHECK ("antidepressant_trials"."dose_mg_per_day" IS NULL OR "antidepressant_trials"."dose_mg_per_day" > 0)
);
--> statement-breakpoint
CREATE TABLE "intake_records" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"stage_changed_by" uuid,
	"childbearing_potential" boolean,
	"cardiovascular_risk" boolean DEFAULT false NOT NULL,
	"cardiovascular_notes" text,
	"liver_risk" boolean DEFAULT false NOT NULL,
	"liver_notes" text,
	"high_dose_pain_courses_planned" boolean DEFAULT false NOT NULL,
	"contraindications" text[] DEFAULT '{}'::text[] NOT NULL,
	"psychosis_history" boolean,
	"mania_history" boolean,
	"suicide_attempts" smallint,
	"last_suicide_attempt_on" date,
	"psychiatric_notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "intake_records_stage_valid" CHECK ("intake_records"."stage" IN ('referred', 'intake', 'awaiting-evaluation', 'eligible', 'not-eligible', 'needs-workup', 'in-treatment')),
	CONSTRAINT "intake_records_suicide_attempts_range" CHECK ("intake_records"."suicide_attempts" IS NULL OR "intake_records"."suicide_attempts" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "intake_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "medications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"name" text NOT NULL,
	"dose" numeric(10, 3),
	"dose_unit" text,
	"frequency_per_day" numeric(5, 2),
	"route" text,
	"active" boolean DEFAULT true NOT NULL,
	"started_on" date,
	"stopped_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "medications_dose_range" CHECK ("medications"."dose" IS NULL OR "medications"."dose" > 0),
	CONSTRAINT "medications_frequency_range" CHECK ("medications"."frequency_per_day" IS NULL OR ("medications"."frequency_per_day" > 0 AND "medications"."frequency_per_day" <= 24)),
	CONSTRAINT "medications_stopped_after_started" CHECK ("medications"."stopped_on" IS NULL OR "medications"."started_on" IS NULL OR "medications"."stopped_on" >= "medications"."started_on")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"observed_on" date NOT NULL,
	"observed_at" timestamp with time zone,
	"weight_kg" numeric(5, 1),
	"height_cm" numeric(5, 1),
	"systolic_mmhg" smallint,
	"diastolic_mmhg" smallint,
	"heart_rate_bpm" smallint,
	"result" text,
	"method" text,
	"notes" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "observations_kind_valid" CHECK ("observations"."kind" IN ('weight', 'height', 'vitals', 'pregnancy-test', 'ecg', 'lft')),
	CONSTRAINT "observations_weight" CHECK (("observations"."kind" = 'weight') = ("observations"."weight_kg" IS NOT NULL) AND ("observations"."weight_kg" IS NULL OR "observations"."weight_kg" BETWEEN 1 AND 700)),
	CONSTRAINT "observations_height" CHECK (("observations"."kind" = 'height') = ("observations"."height_cm" IS NOT NULL) AND ("observations"."height_cm" IS NULL OR "observations"."height_cm" BETWEEN 30 AND 300)),
	CONSTRAINT "observations_vitals" CHECK (("observations"."kind" = 'vitals') = ("observations"."systolic_mmhg" IS NOT NULL AND "observations"."diastolic_mmhg" IS NOT NULL) AND ("observations"."systolic_mmhg" IS NULL OR ("observations"."systolic_mmhg" BETWEEN 50 AND 300 AND "observations"."diastolic_mmhg" BETWEEN 20 AND 200 AND "observations"."systolic_mmhg" > "observations"."diastolic_mmhg"))),
	CONSTRAINT "observations_heart_rate" CHECK ("observations"."heart_rate_bpm" IS NULL OR ("observations"."kind" = 'vitals' AND "observations"."heart_rate_bpm" BETWEEN 20 AND 250)),
	CONSTRAINT "observations_result" CHECK (CASE "observations"."kind" WHEN 'pregnancy-test' THEN "observations"."result" IN ('negative', 'positive') WHEN 'ecg' THEN "observations"."result" IN ('normal', 'abnormal') WHEN 'lft' THEN "observations"."result" IN ('normal', 'abnormal') ELSE "observations"."result" IS NULL END)
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"indication" text,
	"noted_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "problems_status_valid" CHECK ("problems"."status" IN ('active', 'resolved')),
	CONSTRAINT "problems_code_format" CHECK ("problems"."code" ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$')
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"source" text NOT NULL,
	"referring_clinician" text,
	"referring_contact" text,
	"reason" text NOT NULL,
	"indication" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "referrals_source_valid" CHECK ("referrals"."source" IN ('self', 'psychiatrist', 'primary-care', 'therapist', 'hospital', 'pain-clinic', 'other'))
);
--> statement-breakpoint
CREATE TABLE "substance_use_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"current_use" boolean NOT NULL,
	"misuse_suspected" boolean NOT NULL,
	"active_abuse" boolean NOT NULL,
	"substances" text,
	"urine_drug_screen_on" date,
	"urine_drug_screen_result" text,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "substance_use_uds_result_valid" CHECK ("substance_use_assessments"."urine_drug_screen_result" IS NULL OR "substance_use_assessments"."urine_drug_screen_result" IN ('negative', 'positive'))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"responses" jsonb NOT NULL,
	"total" integer,
	"band" text,
	"complete" boolean NOT NULL,
	"score" jsonb NOT NULL,
	"context" text NOT NULL,
	"administered_at" timestamp with time zone NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" uuid NOT NULL,
	CONSTRAINT "assessments_context_valid" CHECK ("assessments"."context" IN ('intake', 'pre-infusion', 'post-infusion', 'follow-up'))
);
--> statement-breakpoint
CREATE TABLE "safety_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"priority" text NOT NULL,
	"message" text NOT NULL,
	"addressed_to" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement_note" text,
	CONSTRAINT "safety_alerts_priority_valid" CHECK ("safety_alerts"."priority" IN ('urgent', 'high', 'routine')),
	CONSTRAINT "safety_alerts_ack_complete" CHECK (("safety_alerts"."acknowledged_at" IS NULL) = ("safety_alerts"."acknowledged_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "eligibility_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"rule" smallint NOT NULL,
	"finding_key" text NOT NULL,
	"finding_code" text NOT NULL,
	"finding_message" text NOT NULL,
	"acknowledged_by" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"occasion" text NOT NULL,
	"route" text NOT NULL,
	"purpose" text NOT NULL,
	"reference_date" date NOT NULL,
	"status_at_decision" text NOT NULL,
	"facts" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"note" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	CONSTRAINT "eligibility_decisions_decision_valid" CHECK ("eligibility_decisions"."decision" IN ('eligible', 'not-eligible', 'needs-workup')),
	CONSTRAINT "eligibility_decisions_status_valid" CHECK ("eligibility_decisions"."status_at_decision" IN ('blocked', 'needs-acknowledgement', 'clear')),
	CONSTRAINT "eligibility_decisions_signed" CHECK ("eligibility_decisions"."signed_at" IS NOT NULL AND "eligibility_decisions"."signed_by" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "eligibility_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"rule" smallint NOT NULL,
	"finding_key" text NOT NULL,
	"finding_code" text NOT NULL,
	"finding_message" text NOT NULL,
	"reason" text NOT NULL,
	"overridden_by" uuid NOT NULL,
	"overridden_at" timestamp with time zone NOT NULL,
	"reauthenticated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eligibility_overrides_reason" CHECK (length(btrim("eligibility_overrides"."reason")) >= 10)
);
--> statement-breakpoint
CREATE TABLE "evaluation_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"text" text NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	CONSTRAINT "evaluation_notes_signed" CHECK ("evaluation_notes"."signed_at" IS NOT NULL AND "evaluation_notes"."signed_by" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "consent_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_sha256" text NOT NULL,
	"route" text NOT NULL,
	"max_dose_mg_per_kg" numeric(4, 2),
	"material_change" boolean NOT NULL,
	"change_summary" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "consent_templates_route_valid" CHECK ("consent_templates"."route" IN ('iv-ketamine', 'esketamine')),
	CONSTRAINT "consent_templates_version_positive" CHECK ("consent_templates"."version" >= 1),
	CONSTRAINT "consent_templates_key_format" CHECK ("consent_templates"."template_key" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "patient_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_key" text NOT NULL,
	"template_version" integer NOT NULL,
	"template_sha256" text NOT NULL,
	"route" text NOT NULL,
	"max_dose_mg_per_kg" numeric(4, 2),
	"patient_typed_name" text NOT NULL,
	"patient_signature_png" "bytea" NOT NULL,
	"patient_signed_at" timestamp with time zone NOT NULL,
	"witness_id" uuid NOT NULL,
	"witness_signed_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	CONSTRAINT "patient_consents_signed" CHECK ("patient_consents"."signed_at" IS NOT NULL AND "patient_consents"."signed_by" IS NOT NULL),
	CONSTRAINT "patient_consents_witness_not_signer" CHECK ("patient_consents"."witness_id" <> "patient_consents"."signed_by"),
	CONSTRAINT "patient_consents_pdf_sha256" CHECK ("patient_consents"."pdf_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "clinic_rule_config" ADD CONSTRAINT "clinic_rule_config_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antidepressant_trials" ADD CONSTRAINT "antidepressant_trials_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antidepressant_trials" ADD CONSTRAINT "antidepressant_trials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_stage_changed_by_users_id_fk" FOREIGN KEY ("stage_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_stage_changes" ADD CONSTRAINT "intake_stage_changes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_stage_changes" ADD CONSTRAINT "intake_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medications" ADD CONSTRAINT "medications_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medications" ADD CONSTRAINT "medications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medications" ADD CONSTRAINT "medications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substance_use_assessments" ADD CONSTRAINT "substance_use_assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substance_use_assessments" ADD CONSTRAINT "substance_use_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_addressed_to_users_id_fk" FOREIGN KEY ("addressed_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_acknowledgements" ADD CONSTRAINT "eligibility_acknowledgements_decision_id_eligibility_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."eligibility_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_acknowledgements" ADD CONSTRAINT "eligibility_acknowledgements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_acknowledgements" ADD CONSTRAINT "eligibility_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_overrides" ADD CONSTRAINT "eligibility_overrides_decision_id_eligibility_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."eligibility_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_overrides" ADD CONSTRAINT "eligibility_overrides_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_overrides" ADD CONSTRAINT "eligibility_overrides_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_templates" ADD CONSTRAINT "consent_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_template_id_consent_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."consent_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_witness_id_users_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allergies_patient_idx" ON "allergies" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "antidepressant_trials_patient_idx" ON "antidepressant_trials" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "intake_records_stage_idx" ON "intake_records" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "intake_stage_changes_patient_idx" ON "intake_stage_changes" USING btree ("patient_id","changed_at");--> statement-breakpoint
CREATE INDEX "medications_patient_idx" ON "medications" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "observations_patient_kind_idx" ON "observations" USING btree ("patient_id","kind","observed_on");--> statement-breakpoint
CREATE INDEX "problems_patient_idx" ON "problems" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id","received_on");--> statement-breakpoint
CREATE INDEX "substance_use_assessments_patient_idx" ON "substance_use_assessments" USING btree ("patient_id","assessed_on");--> statement-breakpoint
CREATE INDEX "assessments_patient_idx" ON "assessments" USING btree ("patient_id","instrument","administered_at");--> statement-breakpoint
CREATE INDEX "safety_alerts_open_idx" ON "safety_alerts" USING btree ("addressed_to","raised_at") WHERE "safety_alerts"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "safety_alerts_patient_idx" ON "safety_alerts" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "eligibility_acknowledgements_decision_idx" ON "eligibility_acknowledgements" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "eligibility_decisions_patient_idx" ON "eligibility_decisions" USING btree ("patient_id","signed_at");--> statement-breakpoint
CREATE INDEX "eligibility_overrides_decision_idx" ON "eligibility_overrides" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "evaluation_notes_patient_idx" ON "evaluation_notes" USING btree ("patient_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_templates_key_version" ON "consent_templates" USING btree ("template_key","version");--> statement-breakpoint
CREATE INDEX "patient_consents_patient_idx" ON "patient_consents" USING btree ("patient_id","signed_at");