-- Scheduling: hand-written constraints (clinical.md §15 rules 14-17).
--
-- 1. Double booking is impossible in the database: while an appointment is active
--    (booked, checked-in, in-progress, completed) no other active appointment may
--    overlap it on the same chair, for the same patient, or in the same nurse watch
--    slot. A nurse watches at most N chairs at once because each appointment takes
--    one of the nurse's slots 1..N (N = staffing_rules.nurse_max_infusing_chairs,
--    checked by glia_appointment_nurse_slot()). Concurrent inserts that collide fail
--    with exclusion_violation (23P01) naming the constraint.
-- 2. Signed plan orders are locked (corrections are new versions).
-- 3. appointment_changes is append-only.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_chair_overlap
  EXCLUDE USING gist (chair_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (chair_id IS NOT NULL AND status IN ('booked', 'checked-in', 'in-progress', 'completed'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_patient_overlap
  EXCLUDE USING gist (patient_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status IN ('booked', 'checked-in', 'in-progress', 'completed'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_nurse_slot_overlap
  EXCLUDE USING gist (nurse_user_id WITH =, nurse_slot WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (nurse_user_id IS NOT NULL AND status IN ('booked', 'checked-in', 'in-progress', 'completed'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION glia_appointment_nurse_slot() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  max_slots smallint;
BEGIN
  IF NEW.nurse_slot IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT nurse_max_infusing_chairs INTO max_slots FROM staffing_rules WHERE id = 1;
  IF NEW.nurse_slot > coalesce(max_slots, 2) THEN
    RAISE EXCEPTION 'a nurse may watch at most % infusing chairs at once', coalesce(max_slots, 2)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'appointments_nurse_capacity';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_nurse_slot_within_capacity
  BEFORE INSERT OR UPDATE OF nurse_slot, nurse_user_id ON appointments
  FOR EACH ROW EXECUTE FUNCTION glia_appointment_nurse_slot();
--> statement-breakpoint
INSERT INTO staffing_rules (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO appointment_types (key, name, duration_min, needs_chair, needs_nurse, needs_prescriber) VALUES
  ('evaluation', 'Evaluation', 60, false, false, true),
  ('infusion', 'IV ketamine infusion', 100, true, true, true),
  ('follow-up', 'Follow-up', 30, false, false, true),
  ('response-review', 'Response review', 30, false, false, true),
  ('esketamine', 'Esketamine session', 120, true, true, true)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER plan_orders_locked_when_signed
  BEFORE UPDATE OR DELETE ON plan_orders
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
--> statement-breakpoint
CREATE TRIGGER appointment_changes_no_update_delete
  BEFORE UPDATE OR DELETE ON appointment_changes
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER appointment_changes_no_truncate
  BEFORE TRUNCATE ON appointment_changes
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
