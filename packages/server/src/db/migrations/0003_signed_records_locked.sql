-- Signed records are locked: once a row's signed_at is set, the row can no
-- longer be changed or deleted. Tables of signed records attach
--   CREATE TRIGGER <table>_locked_when_signed BEFORE UPDATE OR DELETE ON <table>
--     FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
-- Corrections are addenda (table addenda), which are themselves append-only.
CREATE OR REPLACE FUNCTION glia_refuse_change_when_signed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'signed % record % is locked: add an addendum instead', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER addenda_no_update_delete
  BEFORE UPDATE OR DELETE ON addenda
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER addenda_no_truncate
  BEFORE TRUNCATE ON addenda
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
