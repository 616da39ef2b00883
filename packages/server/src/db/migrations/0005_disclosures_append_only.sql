-- The accounting of disclosures is append-only, like the audit trail.
CREATE TRIGGER disclosures_no_update_delete
  BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER disclosures_no_truncate
  BEFORE TRUNCATE ON disclosures
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
