-- Intake, eligibility and consent: hand-written constraints (one file for the area).
--
-- Signed records are locked: eligibility decisions, evaluation notes and patient
-- consents are inserted signed, so glia_refuse_change_when_signed() refuses every
-- later UPDATE or DELETE; corrections are addenda.
CREATE TRIGGER eligibility_decisions_locked_when_signed
  BEFORE UPDATE OR DELETE ON eligibility_decisions
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
--> statement-breakpoint
CREATE TRIGGER evaluation_notes_locked_when_signed
  BEFORE UPDATE OR DELETE ON evaluation_notes
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
--> statement-breakpoint
CREATE TRIGGER patient_consents_locked_when_signed
  BEFORE UPDATE OR DELETE ON patient_consents
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change_when_signed();
--> statement-breakpoint
-- Append-only records: the history of what was measured, scored, decided and published.
CREATE TRIGGER intake_stage_changes_no_update_delete
  BEFORE UPDATE OR DELETE ON intake_stage_changes
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER substance_use_assessments_no_update_delete
  BEFORE UPDATE OR DELETE ON substance_use_assessments
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER observations_no_update_delete
  BEFORE UPDATE OR DELETE ON observations
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessments_no_update_delete
  BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_overrides_no_update_delete
  BEFORE UPDATE OR DELETE ON eligibility_overrides
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_acknowledgements_no_update_delete
  BEFORE UPDATE OR DELETE ON eligibility_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_templates_no_update_delete
  BEFORE UPDATE OR DELETE ON consent_templates
  FOR EACH ROW EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER intake_stage_changes_no_truncate
  BEFORE TRUNCATE ON intake_stage_changes
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER substance_use_assessments_no_truncate
  BEFORE TRUNCATE ON substance_use_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER observations_no_truncate
  BEFORE TRUNCATE ON observations
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessments_no_truncate
  BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_overrides_no_truncate
  BEFORE TRUNCATE ON eligibility_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_acknowledgements_no_truncate
  BEFORE TRUNCATE ON eligibility_acknowledgements
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_templates_no_truncate
  BEFORE TRUNCATE ON consent_templates
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_decisions_no_truncate
  BEFORE TRUNCATE ON eligibility_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluation_notes_no_truncate
  BEFORE TRUNCATE ON evaluation_notes
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patient_consents_no_truncate
  BEFORE TRUNCATE ON patient_consents
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
CREATE TRIGGER safety_alerts_no_truncate
  BEFORE TRUNCATE ON safety_alerts
  FOR EACH STATEMENT EXECUTE FUNCTION glia_refuse_change();
--> statement-breakpoint
-- Safety alerts: the only change allowed is one acknowledgement (who, when, note)
-- of an open alert; nothing else about the alert may change, and it is never deleted.
CREATE OR REPLACE FUNCTION glia_safety_alert_acknowledge_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'safety alert % cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.acknowledged_at IS NOT NULL THEN
    RAISE EXCEPTION 'safety alert % is already acknowledged', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.patient_id, NEW.assessment_id, NEW.code, NEW.priority, NEW.message, NEW.addressed_to, NEW.raised_at)
     IS DISTINCT FROM (OLD.id, OLD.patient_id, OLD.assessment_id, OLD.code, OLD.priority, OLD.message, OLD.addressed_to, OLD.raised_at) THEN
    RAISE EXCEPTION 'only the acknowledgement of safety alert % may be set', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER safety_alerts_acknowledge_once
  BEFORE UPDATE OR DELETE ON safety_alerts
  FOR EACH ROW EXECUTE FUNCTION glia_safety_alert_acknowledge_once();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON intake_stage_changes, substance_use_assessments, observations, assessments, eligibility_overrides, eligibility_acknowledgements, consent_templates FROM PUBLIC;
--> statement-breakpoint
-- Version 1 of the two starting consent templates, so every clinic (demo or not)
-- can obtain consent on day one. The medical director publishes later versions
-- (POST /api/consent-templates/{key}/versions); versions are never edited.
INSERT INTO consent_templates (template_key, version, title, body, body_sha256, route, max_dose_mg_per_kg, material_change, change_summary, created_at, created_by)
SELECT t.template_key, 1, t.title, t.body, encode(sha256(convert_to(t.body, 'UTF8')), 'hex'), t.route, t.max_dose, true, 'Initial version shipped with Glia', now(), NULL
FROM (VALUES
  ('iv-ketamine-off-label', 'Informed consent for intravenous ketamine (off-label use)', 'iv-ketamine', 0.50::numeric, $consent$1. What is proposed. I am being offered a course of low-dose ketamine given into a vein (intravenous infusion) for my depression or a related condition. Ketamine is approved by the U.S. Food and Drug Administration only as an anesthetic. Its use for depression, post-traumatic stress, anxiety, obsessive-compulsive disorder, suicidal thoughts or chronic pain is "off-label": it is prescribed on the judgment of my clinician, not on an FDA-approved indication.

2. The dose. Most of the research evidence is for 0.5 mg of ketamine per kilogram of body weight, given over about 40 minutes. This consent covers doses up to 0.5 mg/kg per infusion. If my clinician proposes a higher dose, I will be asked to consent again before it is given.

3. A typical course. A first course is usually about six infusions over two to three weeks. My response will be reviewed with rating scales before infusions and at the end of the course. Further (maintenance) infusions need a separate plan with a review date.

4. Expected effects and risks. During and shortly after the infusion I may feel detached or dreamlike (dissociation), dizzy, drowsy, nauseated, or have blurred vision or a headache; these usually pass within one to two hours. Blood pressure and heart rate usually rise during the infusion; I will be monitored throughout, and the infusion may be slowed or stopped. Less common risks include vomiting, anxiety or agitation, confusion, a temporary worsening of mood, and, rarely, breathing problems or a severe rise in blood pressure. Repeated or heavy use of ketamine outside medical care has been linked to bladder and liver problems and to misuse; ketamine is a controlled substance.

5. Who should not receive it. I have told my clinician about any pregnancy or possible pregnancy, breastfeeding, heart or blood-vessel disease, high blood pressure, past psychosis or mania, liver disease, substance use, and all my medicines. Patients who could become pregnant will be asked for a pregnancy test before each series.

6. Alternatives. Alternatives include other medicines, psychotherapy, electroconvulsive therapy, transcranial magnetic stimulation, esketamine nasal spray, or no new treatment. Ketamine may not help me.

7. After each infusion. I must not drive, operate machinery or make important decisions until the next day after a night's sleep. A responsible adult must take me home. I will not drink alcohol for 24 hours.

8. My choice. Taking part is voluntary. I may ask questions at any time and may withdraw my consent at any time without affecting my other care.

By signing, I confirm that I have read this form or had it read to me, that my questions have been answered, and that I agree to receive intravenous ketamine as described.$consent$),
  ('esketamine', 'Informed consent for esketamine nasal spray (Spravato)', 'esketamine', NULL::numeric, $consent$1. What is proposed. I am being offered esketamine nasal spray (Spravato) for treatment-resistant depression, or for depressive symptoms with suicidal thoughts, as approved by the U.S. Food and Drug Administration. It is available only through a restricted program (the SPRAVATO REMS), in which I must be enrolled.

2. How it is given. I will give myself the spray in the clinic under supervision. Doses are 28, 56 or 84 mg, usually twice a week for the first four weeks, then less often. I will stay in the clinic for at least two hours after each dose until a clinician decides I can safely leave.

3. Expected effects and risks. Esketamine commonly causes dissociation, dizziness, nausea, sleepiness, a feeling of spinning, reduced sensation and anxiety, and it raises blood pressure for a few hours. Sedation and, rarely, loss of consciousness can occur; my blood pressure, breathing and alertness will be monitored. Esketamine can be misused. It is not recommended during pregnancy or breastfeeding.

4. Who should not receive it. Esketamine must not be used by people with blood-vessel aneurysms, arteriovenous malformations, a history of bleeding in the brain, or an allergy to esketamine or ketamine.

5. After each session. I must not drive or operate machinery until the next day after a restful sleep, and someone must take me home.

6. My choice. Taking part is voluntary and I may stop at any time.

By signing, I confirm that my questions have been answered and that I agree to treatment with esketamine nasal spray as described.$consent$)
) AS t(template_key, title, route, max_dose, body);
