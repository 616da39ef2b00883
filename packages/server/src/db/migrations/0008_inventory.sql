CREATE SEQUENCE "public"."ledger_entry_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "administration_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_entry_id" uuid NOT NULL,
	"drawn_centi_ml" integer NOT NULL,
	"given_centi_ml" integer NOT NULL,
	"wasted_centi_ml" integer NOT NULL,
	"closed_by" uuid NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "administration_closures_balanced" CHECK ("administration_closures"."drawn_centi_ml" = "administration_closures"."given_centi_ml" + "administration_closures"."wasted_centi_ml")
);
--> statement-breakpoint
CREATE TABLE "discrepancy_investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"count_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"findings" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drug_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"ndc" text NOT NULL,
	"concentration_mg_per_ml" integer NOT NULL,
	"vial_volume_centi_ml" integer NOT NULL,
	"schedule" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "drug_products_concentration_positive" CHECK ("drug_products"."concentration_mg_per_ml" > 0),
	CONSTRAINT "drug_products_vial_volume_positive" CHECK ("drug_products"."vial_volume_centi_ml" > 0),
	CONSTRAINT "drug_products_schedule_valid" CHECK ("drug_products"."schedule" IN ('II', 'III', 'IV', 'V')),
	CONSTRAINT "drug_products_ndc_format" CHECK ("drug_products"."ndc" ~ '^[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}$')
);
--> statement-breakpoint
CREATE TABLE "inventory_count_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"count_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"expected_centi_ml" integer NOT NULL,
	"counted_centi_ml" integer NOT NULL,
	CONSTRAINT "inventory_count_lines_nonnegative" CHECK ("inventory_count_lines"."expected_centi_ml" >= 0 AND "inventory_count_lines"."counted_centi_ml" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"location_id" uuid,
	"counted_at" timestamp with time zone NOT NULL,
	"counted_on" date NOT NULL,
	"counted_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"notes" text,
	CONSTRAINT "inventory_counts_kind_valid" CHECK ("inventory_counts"."kind" IN ('shift', 'daily', 'initial', 'biennial')),
	CONSTRAINT "inventory_counts_scope" CHECK ("inventory_counts"."kind" IN ('initial', 'biennial') OR "inventory_counts"."location_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "inventory_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expires_on" date NOT NULL,
	"supplier" text NOT NULL,
	"supplier_dea_number" text,
	"invoice_number" text NOT NULL,
	"received_vials" integer NOT NULL,
	"received_centi_ml" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"location_id" uuid NOT NULL,
	"received_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_lots_vials_positive" CHECK ("inventory_lots"."received_vials" > 0 AND "inventory_lots"."received_centi_ml" > 0),
	CONSTRAINT "inventory_lots_lot_number_not_blank" CHECK (btrim("inventory_lots"."lot_number") <> '')
);
--> statement-breakpoint
CREATE TABLE "investigation_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"explanation" text NOT NULL,
	"resolved_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"loss_report_id" uuid,
	CONSTRAINT "investigation_resolutions_outcome_valid" CHECK ("investigation_resolutions"."outcome" IN ('count-error', 'adjust-ledger', 'theft', 'significant-loss'))
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"stock_centi_ml" integer DEFAULT 0 NOT NULL,
	"drawn_centi_ml" integer DEFAULT 0 NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_balances_pkey" PRIMARY KEY("lot_id","location_id"),
	CONSTRAINT "ledger_balances_stock_nonnegative" CHECK ("ledger_balances"."stock_centi_ml" >= 0),
	CONSTRAINT "ledger_balances_drawn_nonnegative" CHECK ("ledger_balances"."drawn_centi_ml" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quantity_centi_ml" integer NOT NULL,
	"quantity_centi_mg" integer NOT NULL,
	"stock_delta_centi_ml" integer DEFAULT 0 NOT NULL,
	"drawn_delta_centi_ml" integer DEFAULT 0 NOT NULL,
	"stock_after_centi_ml" integer DEFAULT 0 NOT NULL,
	"drawn_after_centi_ml" integer DEFAULT 0 NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"witness_user_id" uuid,
	"witness_signed_at" timestamp with time zone,
	"session_id" uuid,
	"patient_id" uuid,
	"draw_entry_id" uuid,
	"reverses_entry_id" uuid,
	"transfer_id" uuid,
	"investigation_id" uuid,
	"loss_report_id" uuid,
	"reason" text,
	"reference" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ledger_entries_kind_valid" CHECK ("ledger_entries"."kind" IN ('receipt', 'transfer-in', 'transfer-out', 'draw', 'administration', 'waste', 'return', 'loss', 'adjustment', 'reversal')),
	CONSTRAINT "ledger_entries_quantity_sign" CHECK ("ledger_entries"."quantity_centi_ml" <> 0 AND ("ledger_entries"."kind" IN ('adjustment', 'reversal') OR "ledger_entries"."quantity_centi_ml" > 0)),
	CONSTRAINT "ledger_entries_accounts_for_a_draw" CHECK ("ledger_entries"."kind" NOT IN ('administration', 'waste') OR ("ledger_entries"."draw_entry_id" IS NOT NULL AND "ledger_entries"."patient_id" IS NOT NULL)),
	CONSTRAINT "ledger_entries_waste_witnessed" CHECK ("ledger_entries"."kind" <> 'waste' OR ("ledger_entries"."witness_user_id" IS NOT NULL AND "ledger_entries"."witness_user_id" <> "ledger_entries"."user_id" AND "ledger_entries"."witness_signed_at" IS NOT NULL)),
	CONSTRAINT "ledger_entries_reversal_target" CHECK (("ledger_entries"."kind" = 'reversal') = ("ledger_entries"."reverses_entry_id" IS NOT NULL)),
	CONSTRAINT "ledger_entries_reason_given" CHECK ("ledger_entries"."kind" NOT IN ('reversal', 'adjustment', 'loss', 'return') OR btrim(coalesce("ledger_entries"."reason", '')) <> ''),
	CONSTRAINT "ledger_entries_transfer_paired" CHECK ("ledger_entries"."kind" NOT IN ('transfer-in', 'transfer-out') OR "ledger_entries"."transfer_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "loss_report_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loss_report_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"completed_on" date NOT NULL,
	"reference" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loss_report_milestones_valid" CHECK ("loss_report_milestones"."milestone" IN ('written-notice', 'form-106'))
);
--> statement-breakpoint
CREATE TABLE "loss_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"discovered_on" date NOT NULL,
	"written_notice_due_on" date NOT NULL,
	"form_106_due_on" date NOT NULL,
	"description" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"investigation_id" uuid,
	CONSTRAINT "loss_reports_kind_valid" CHECK ("loss_reports"."kind" IN ('theft', 'significant-loss'))
);
--> statement-breakpoint
CREATE TABLE "lot_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"verified_by" uuid NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_wastes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_entry_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"quantity_centi_ml" integer NOT NULL,
	"wasted_at" timestamp with time zone NOT NULL,
	"wasted_by" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"ledger_entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "pending_wastes_status_valid" CHECK ("pending_wastes"."status" IN ('pending', 'witnessed', 'cancelled')),
	CONSTRAINT "pending_wastes_quantity_positive" CHECK ("pending_wastes"."quantity_centi_ml" > 0)
);
--> statement-breakpoint
CREATE TABLE "storage_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "storage_locations_kind_valid" CHECK ("storage_locations"."kind" IN ('safe', 'cabinet'))
);
--> statement-breakpoint
ALTER TABLE "administration_closures" ADD CONSTRAINT "administration_closures_draw_entry_id_ledger_entries_id_fk" FOREIGN KEY ("draw_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration_closures" ADD CONSTRAINT "administration_closures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discrepancy_investigations" ADD CONSTRAINT "discrepancy_investigations_count_id_inventory_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."inventory_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drug_products" ADD CONSTRAINT "drug_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD CONSTRAINT "inventory_count_lines_count_id_inventory_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."inventory_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD CONSTRAINT "inventory_count_lines_lot_id_inventory_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."inventory_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_count_lines" ADD CONSTRAINT "inventory_count_lines_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_counts" ADD CONSTRAINT "inventory_counts_counted_by_users_id_fk" FOREIGN KEY ("counted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lots" ADD CONSTRAINT "inventory_lots_product_id_drug_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."drug_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lots" ADD CONSTRAINT "inventory_lots_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lots" ADD CONSTRAINT "inventory_lots_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_resolutions" ADD CONSTRAINT "investigation_resolutions_investigation_id_discrepancy_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."discrepancy_investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_resolutions" ADD CONSTRAINT "investigation_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_lot_id_inventory_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."inventory_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_lot_id_inventory_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."inventory_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_witness_user_id_users_id_fk" FOREIGN KEY ("witness_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_draw_entry_id_ledger_entries_id_fk" FOREIGN KEY ("draw_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reverses_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loss_report_milestones" ADD CONSTRAINT "loss_report_milestones_loss_report_id_loss_reports_id_fk" FOREIGN KEY ("loss_report_id") REFERENCES "public"."loss_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loss_report_milestones" ADD CONSTRAINT "loss_report_milestones_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loss_reports" ADD CONSTRAINT "loss_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loss_reports" ADD CONSTRAINT "loss_reports_investigation_id_discrepancy_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."discrepancy_investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_verifications" ADD CONSTRAINT "lot_verifications_lot_id_inventory_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."inventory_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_verifications" ADD CONSTRAINT "lot_verifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_draw_entry_id_ledger_entries_id_fk" FOREIGN KEY ("draw_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_lot_id_inventory_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."inventory_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_wasted_by_users_id_fk" FOREIGN KEY ("wasted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_wastes" ADD CONSTRAINT "pending_wastes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_locations" ADD CONSTRAINT "storage_locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "administration_closures_draw_key" ON "administration_closures" USING btree ("draw_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discrepancy_investigations_count_key" ON "discrepancy_investigations" USING btree ("count_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drug_products_ndc_key" ON "drug_products" USING btree ("ndc");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_count_lines_key" ON "inventory_count_lines" USING btree ("count_id","lot_id","location_id");--> statement-breakpoint
CREATE INDEX "inventory_counts_counted_idx" ON "inventory_counts" USING btree ("counted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_lots_receipt_key" ON "inventory_lots" USING btree ("product_id","lot_number","invoice_number");--> statement-breakpoint
CREATE INDEX "inventory_lots_expires_idx" ON "inventory_lots" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "investigation_resolutions_investigation_key" ON "investigation_resolutions" USING btree ("investigation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_seq_key" ON "ledger_entries" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_key" ON "ledger_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_lot_idx" ON "ledger_entries" USING btree ("lot_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_entries_occurred_idx" ON "ledger_entries" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_draw_idx" ON "ledger_entries" USING btree ("draw_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_patient_idx" ON "ledger_entries" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_session_idx" ON "ledger_entries" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "loss_report_milestones_key" ON "loss_report_milestones" USING btree ("loss_report_id","milestone");--> statement-breakpoint
CREATE UNIQUE INDEX "lot_verifications_lot_key" ON "lot_verifications" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "pending_wastes_status_idx" ON "pending_wastes" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "storage_locations_name_key" ON "storage_locations" USING btree (lower("name"));