-- Infusion day: the chart's records are append-only or locked once signed.
-- Events and readings are never changed (corrections are new entries); adverse
-- events and rescue drugs likewise; a signed session note is locked (addenda only).
CREATE TRIGGER session_events_no_update_delete
  BEFORE UPDATE OR DELETE ON session_events
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_events_no_truncate
  BEFORE TRUNCATE ON session_events
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_readings_no_update_delete
  BEFORE UPDATE OR DELETE ON session_readings
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_readings_no_truncate
  BEFORE TRUNCATE ON session_readings
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER adverse_events_no_update_delete
  BEFORE UPDATE OR DELETE ON adverse_events
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rescue_drugs_no_update_delete
  BEFORE UPDATE OR DELETE ON rescue_drugs
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_notes_locked_when_signed
  BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
