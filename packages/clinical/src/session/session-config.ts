/**
 * Configuration of the day-of-treatment session checks (clinical.md §6.2, §12,
 * §15 rules 18, 26, 30, 34 and 35). Every value is a clinic-configurable default
 * for the medical director to sign off.
 */

/** Minimum fasting before dosing; times are counted back from the evaluation time. */
export interface FastingRule {
  /** Minutes since the last solid food (milk and non-clear drinks count as solids). */
  solidsFastMin: number;
  /** Minutes since the last liquid of the kind the rule names (clear liquids for sedation rules, any liquid for esketamine). */
  liquidsFastMin: number;
}

export interface FastingConfig {
  /**
   * Rule 18. IV ketamine fasting; null = no fasting rule (§16 open question 9).
   * Default 360 min solids / 120 min clear liquids. Source: [S45] ASA, [S44] AMG.
   */
  ivKetamine: FastingRule | null;
  /** Rule 18. Esketamine: 120 min food / 30 min liquids. Default as stated. Source: [S5] via [S59]. */
  esketamine: FastingRule | null;
  /** Rule 18. Severity when the recorded fasting does not meet the rule. Default 'block'. Source: Glia choice; §16 open question 9. */
  unmetSeverity: 'block' | 'warning';
}

export interface SessionConfig {
  fasting: FastingConfig;
  /** Rules 4 and 18. A negative pregnancy test counts as current for this many days (24-h periods). Default 7. Source: [S51]. */
  pregnancyTestMaxAgeDays: number;
  /** Rules 9 and 18. Weight must be measured within this many days (IV ketamine only). Default 30. Source: [S17], [S20]. */
  weightMaxAgeDays: number;
  /** Rule 18. Baseline vitals count as today's when at most this many minutes old. Default 60. Source: Glia choice ([S5]: vitals before starting). */
  baselineMaxAgeMin: number;
  /** Rule 18. Also require a baseline respiratory rate. Default false (rule 18 names BP/HR/SpO2). Source: [S44] AMG records RR. */
  baselineRequiresRespRate: boolean;
  /** Rule 18. A required visit scale counts when completed at most this many hours before the check. Default 24. Source: Glia choice (rule 31: "before every infusion"). */
  visitScalesMaxAgeHours: number;
  /** Rule 18. An escort phone must hold at least this many digits. Default 7. Source: Glia choice. */
  escortPhoneMinDigits: number;
  /** Rule 34. drawn = given + wasted must hold within this many mL. Default 0.01. Source: [S38]; tolerance is a Glia choice. */
  balanceToleranceMl: number;
  /** Rule 35. Without a shift record, the witness must sign within this many hours of the waste. Default 12. Source: [S38] waste-log practice; §16 open question 10. */
  witnessWindowHours: number;
  /** Rule 30. The REMS Patient Monitoring Form is due this many days after each outpatient esketamine session. Default 7. Source: [S6], [S6c]. */
  remsFormDueDays: number;
  /** Rule 30. Raise an information finding this many days before the form is due. Default 2. Source: Glia choice. */
  remsFormDueSoonDays: number;
}

/** Instrument ids (as in instrument-vectors.json) every visit needs by default: PHQ-9 and the C-SSRS screener (rules 18, 31). */
export const DEFAULT_REQUIRED_VISIT_INSTRUMENTS: readonly string[] = ['PHQ-9', 'C-SSRS-Screener'];

/** Glia's defaults for rules 18, 26, 30, 34 and 35; see each key for its rule and source. */
export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  fasting: {
    ivKetamine: { solidsFastMin: 360, liquidsFastMin: 120 },
    esketamine: { solidsFastMin: 120, liquidsFastMin: 30 },
    unmetSeverity: 'block',
  },
  pregnancyTestMaxAgeDays: 7,
  weightMaxAgeDays: 30,
  baselineMaxAgeMin: 60,
  baselineRequiresRespRate: false,
  visitScalesMaxAgeHours: 24,
  escortPhoneMinDigits: 7,
  balanceToleranceMl: 0.01,
  witnessWindowHours: 12,
  remsFormDueDays: 7,
  remsFormDueSoonDays: 2,
};
