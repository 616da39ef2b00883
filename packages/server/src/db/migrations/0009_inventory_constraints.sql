-- Controlled-substance ledger: the hand-written SQL of the inventory area
-- (clinical.md §11.2, §15 rules 34-39; 21 CFR 1304.04, 1304.11, 1304.22(c)).
--
-- 1. glia_ledger_apply(): every ledger entry passes through it. It derives the
--    entry's signed deltas from its kind (or from the entry it reverses), checks
--    mg = mL x concentration, locks the lot-and-location row of ledger_balances
--    (SELECT ... FOR UPDATE, so concurrent movements of one lot and location
--    serialize), refuses a balance below zero, numbers the entry after taking the
--    lock and stores the balances after it. SECURITY DEFINER: the application role
--    needs only SELECT on ledger_balances and INSERT + SELECT on ledger_entries.
-- 2. ledger_balances can be written only from inside that trigger.
-- 3. The ledger's record tables are append-only (glia_refuse_change()).
CREATE OR REPLACE FUNCTION glia_ledger_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  conc integer;
  target ledger_entries%ROWTYPE;
  draw ledger_entries%ROWTYPE;
  bal_stock integer;
  bal_drawn integer;
  accounted integer;
  draw_id uuid;
BEGIN
  SELECT p.concentration_mg_per_ml INTO conc
    FROM inventory_lots l JOIN drug_products p ON p.id = l.product_id
   WHERE l.id = NEW.lot_id;
  IF conc IS NULL THEN
    RAISE EXCEPTION 'ledger entry for an unknown lot' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'ledger_entries_lot_id_inventory_lots_id_fk';
  END IF;

  -- The lock that serializes every movement of this lot at this location.
  INSERT INTO ledger_balances (lot_id, location_id) VALUES (NEW.lot_id, NEW.location_id) ON CONFLICT DO NOTHING;
  SELECT stock_centi_ml, drawn_centi_ml INTO bal_stock, bal_drawn
    FROM ledger_balances WHERE lot_id = NEW.lot_id AND location_id = NEW.location_id FOR UPDATE;

  IF NEW.kind = 'reversal' THEN
    SELECT * INTO target FROM ledger_entries WHERE id = NEW.reverses_entry_id;
    IF NOT FOUND OR target.lot_id <> NEW.lot_id OR target.location_id <> NEW.location_id THEN
      RAISE EXCEPTION 'a reversal must name an earlier entry of the same lot and location'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_reversal_target';
    END IF;
    IF target.kind = 'reversal' THEN
      RAISE EXCEPTION 'a reversal cannot itself be reversed; record the movement again'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_reversal_of_reversal';
    END IF;
    NEW.quantity_centi_ml := target.quantity_centi_ml;
    NEW.quantity_centi_mg := target.quantity_centi_mg;
    NEW.stock_delta_centi_ml := -target.stock_delta_centi_ml;
    NEW.drawn_delta_centi_ml := -target.drawn_delta_centi_ml;
    NEW.draw_entry_id := target.draw_entry_id;
    NEW.patient_id := target.patient_id;
    NEW.session_id := target.session_id;
    IF target.kind = 'draw' THEN
      IF EXISTS (SELECT 1 FROM ledger_entries WHERE draw_entry_id = target.id AND kind IN ('administration', 'waste')) THEN
        SELECT coalesce(-sum(drawn_delta_centi_ml), 0) INTO accounted FROM ledger_entries WHERE draw_entry_id = target.id;
        IF accounted <> 0 THEN
          RAISE EXCEPTION 'this draw has administrations or waste recorded against it; reverse those first'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_draw_accounted';
        END IF;
      END IF;
      draw_id := target.id;
    ELSE
      draw_id := target.draw_entry_id;
    END IF;
  ELSE
    IF NEW.quantity_centi_mg IS DISTINCT FROM NEW.quantity_centi_ml * conc THEN
      RAISE EXCEPTION 'quantity_centi_mg must equal quantity_centi_ml x % mg/mL', conc
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_mg_matches_ml';
    END IF;
    CASE NEW.kind
      WHEN 'receipt', 'transfer-in', 'adjustment' THEN
        NEW.stock_delta_centi_ml := NEW.quantity_centi_ml; NEW.drawn_delta_centi_ml := 0;
      WHEN 'transfer-out', 'return', 'loss' THEN
        NEW.stock_delta_centi_ml := -NEW.quantity_centi_ml; NEW.drawn_delta_centi_ml := 0;
      WHEN 'draw' THEN
        NEW.stock_delta_centi_ml := -NEW.quantity_centi_ml; NEW.drawn_delta_centi_ml := NEW.quantity_centi_ml;
      WHEN 'administration', 'waste' THEN
        NEW.stock_delta_centi_ml := 0; NEW.drawn_delta_centi_ml := -NEW.quantity_centi_ml;
    END CASE;
    draw_id := CASE WHEN NEW.kind IN ('administration', 'waste') THEN NEW.draw_entry_id END;
  END IF;

  -- Rule 34: what is given and wasted from a draw never exceeds what was drawn,
  -- and a closed administration record takes no further entries.
  IF draw_id IS NOT NULL THEN
    SELECT * INTO draw FROM ledger_entries WHERE id = draw_id;
    IF NOT FOUND OR draw.kind <> 'draw' OR draw.lot_id <> NEW.lot_id OR draw.location_id <> NEW.location_id THEN
      RAISE EXCEPTION 'administration and waste must name a draw of the same lot and location'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_draw_reference';
    END IF;
    IF EXISTS (SELECT 1 FROM administration_closures WHERE draw_entry_id = draw_id) THEN
      RAISE EXCEPTION 'the administration record of this draw is closed'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_draw_closed';
    END IF;
    IF NEW.kind IN ('administration', 'waste') THEN
      IF EXISTS (SELECT 1 FROM ledger_entries WHERE reverses_entry_id = draw_id) THEN
        RAISE EXCEPTION 'this draw was reversed' USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_draw_reference';
      END IF;
      SELECT coalesce(-sum(drawn_delta_centi_ml), 0) INTO accounted FROM ledger_entries WHERE draw_entry_id = draw_id;
      IF accounted + NEW.quantity_centi_ml > draw.quantity_centi_ml THEN
        RAISE EXCEPTION 'given and wasted (% mL) would exceed the % mL drawn (rule 34)',
          to_char((accounted + NEW.quantity_centi_ml) / 100.0, 'FM999999990.00'), to_char(draw.quantity_centi_ml / 100.0, 'FM999999990.00')
          USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_draw_overaccounted';
      END IF;
    END IF;
  END IF;

  IF bal_stock + NEW.stock_delta_centi_ml < 0 THEN
    RAISE EXCEPTION 'stock would go negative: % mL on hand, the % needs % mL',
      to_char(bal_stock / 100.0, 'FM999999990.00'), NEW.kind, to_char(-NEW.stock_delta_centi_ml / 100.0, 'FM999999990.00')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_balances_stock_nonnegative';
  END IF;
  IF bal_drawn + NEW.drawn_delta_centi_ml < 0 THEN
    RAISE EXCEPTION 'drawn-and-unaccounted would go negative: % mL drawn and not yet given or wasted',
      to_char(bal_drawn / 100.0, 'FM999999990.00')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_balances_drawn_nonnegative';
  END IF;

  NEW.seq := nextval('ledger_entry_seq');
  NEW.stock_after_centi_ml := bal_stock + NEW.stock_delta_centi_ml;
  NEW.drawn_after_centi_ml := bal_drawn + NEW.drawn_delta_centi_ml;
  UPDATE ledger_balances
     SET stock_centi_ml = NEW.stock_after_centi_ml, drawn_centi_ml = NEW.drawn_after_centi_ml, last_seq = NEW.seq
   WHERE lot_id = NEW.lot_id AND location_id = NEW.location_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_apply
  BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION glia_ledger_apply();
--> statement-breakpoint
-- Locks the balance rows of a lot at several locations, in a fixed order, before
-- a movement that touches more than one (a transfer) or that checks and then
-- writes (closing an administration record), so such transactions never
-- deadlock or interleave. SECURITY DEFINER: FOR UPDATE needs UPDATE privilege,
-- which the application role does not hold on ledger_balances.
CREATE OR REPLACE FUNCTION glia_ledger_lock(p_lot uuid, p_locations uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM 1 FROM ledger_balances
   WHERE lot_id = p_lot AND location_id = ANY (p_locations)
   ORDER BY location_id
     FOR UPDATE;
END
$$;
--> statement-breakpoint
-- ledger_balances is the ledger's projection: only glia_ledger_apply() (trigger
-- depth 2) may insert or update it; nothing may delete or truncate it.
CREATE OR REPLACE FUNCTION glia_ledger_balance_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'ledger_balances is maintained by the ledger: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_balances_guard
  BEFORE INSERT OR UPDATE OR DELETE ON ledger_balances
  FOR EACH ROW EXECUTE FUNCTION glia_ledger_balance_guard();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_no_truncate
  BEFORE TRUNCATE ON ledger_balances
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
-- A pending waste changes status once; it is never deleted.
CREATE TRIGGER pending_wastes_no_delete
  BEFORE DELETE ON pending_wastes
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pending_wastes_no_truncate
  BEFORE TRUNCATE ON pending_wastes
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
-- Two people per receipt: the verifier is never the person who received the lot.
CREATE OR REPLACE FUNCTION glia_lot_verification_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM inventory_lots WHERE id = NEW.lot_id AND received_by = NEW.verified_by) THEN
    RAISE EXCEPTION 'the person who received a lot cannot also verify it'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'lot_verifications_two_people';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER lot_verifications_two_people
  BEFORE INSERT ON lot_verifications
  FOR EACH ROW EXECUTE FUNCTION glia_lot_verification_check();
--> statement-breakpoint
CREATE TRIGGER drug_products_no_update_delete
  BEFORE UPDATE OR DELETE ON drug_products
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER drug_products_no_truncate
  BEFORE TRUNCATE ON drug_products
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER storage_locations_no_update_delete
  BEFORE UPDATE OR DELETE ON storage_locations
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER storage_locations_no_truncate
  BEFORE TRUNCATE ON storage_locations
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_lots_no_update_delete
  BEFORE UPDATE OR DELETE ON inventory_lots
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_lots_no_truncate
  BEFORE TRUNCATE ON inventory_lots
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate
  BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER administration_closures_no_update_delete
  BEFORE UPDATE OR DELETE ON administration_closures
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER administration_closures_no_truncate
  BEFORE TRUNCATE ON administration_closures
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_counts_no_update_delete
  BEFORE UPDATE OR DELETE ON inventory_counts
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_counts_no_truncate
  BEFORE TRUNCATE ON inventory_counts
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_count_lines_no_update_delete
  BEFORE UPDATE OR DELETE ON inventory_count_lines
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inventory_count_lines_no_truncate
  BEFORE TRUNCATE ON inventory_count_lines
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER discrepancy_investigations_no_update_delete
  BEFORE UPDATE OR DELETE ON discrepancy_investigations
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER discrepancy_investigations_no_truncate
  BEFORE TRUNCATE ON discrepancy_investigations
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER investigation_resolutions_no_update_delete
  BEFORE UPDATE OR DELETE ON investigation_resolutions
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER investigation_resolutions_no_truncate
  BEFORE TRUNCATE ON investigation_resolutions
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER loss_reports_no_update_delete
  BEFORE UPDATE OR DELETE ON loss_reports
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER loss_reports_no_truncate
  BEFORE TRUNCATE ON loss_reports
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER loss_report_milestones_no_update_delete
  BEFORE UPDATE OR DELETE ON loss_report_milestones
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER loss_report_milestones_no_truncate
  BEFORE TRUNCATE ON loss_report_milestones
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER lot_verifications_no_update_delete
  BEFORE UPDATE OR DELETE ON lot_verifications
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER lot_verifications_no_truncate
  BEFORE TRUNCATE ON lot_verifications
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
