-- Break-the-glass access is evidence: append-only like the audit trail.
CREATE TRIGGER break_glass_access_no_update_delete
  BEFORE UPDATE OR DELETE ON break_glass_access
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER break_glass_access_no_truncate
  BEFORE TRUNCATE ON break_glass_access
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
ALTER TABLE clinic_settings ADD CONSTRAINT clinic_settings_mfa_roles_valid
  CHECK (mfa_required_roles <@ ARRAY['admin','medical-director','prescriber','nurse','front-desk','billing']::text[]);
--> statement-breakpoint
-- The demo clinic ships with MFA not required, so the demo logins work at once (its banner says so).
UPDATE clinic_settings SET mfa_required_roles = '{}'::text[] WHERE demo;
