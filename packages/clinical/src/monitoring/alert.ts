/**
 * Alerts raised while a patient is being dosed and observed (clinical.md §15
 * rules 19-25). An alert is a Finding with a time dimension: when its condition
 * started, which readings it rests on, and what the team should do.
 */

/**
 * - emergency: call for help now (crisis symptom, loss of consciousness).
 * - escalate: act now at the chair (pause the infusion, severe desaturation).
 * - warning: tell the supervising clinician / take the missing reading.
 * - advisory: a heads-up that may become an alert (e.g. one high BP awaiting a recheck).
 */
export type AlertSeverity = 'emergency' | 'escalate' | 'warning' | 'advisory';

export type AlertAction =
  | 'call-emergency-and-stop-infusion'
  | 'call-emergency'
  | 'emergency-airway-response'
  | 'pause-infusion-and-assess'
  | 'clinician-assessment'
  | 'recheck-bp'
  | 'notify-supervising-clinician'
  | 'assess-airway-and-breathing'
  | 'record-proceed-or-delay-decision'
  | 'delay-dosing'
  | 'take-reading'
  | 'record-sedation-and-dissociation';

export interface Alert {
  /**
   * Stable identity for acknowledgements: `${rule}:${code}:${anchor}` where the
   * anchor is the id of the reading that started the condition (or, for a
   * schedule alert, what the reading is due after). The same episode keeps the
   * same key on every evaluation.
   */
  key: string;
  /** Rule number in clinical.md §15. */
  rule: number;
  severity: AlertSeverity;
  /** Stable kebab-case code, unique per rule outcome. */
  code: string;
  /** One or two sentences with the values and the threshold. */
  message: string;
  facts: Record<string, string | number | boolean | null>;
  thresholds?: Record<string, string | number | boolean | null>;
  /** Bibliography codes from clinical.md §14. */
  sources: string[];
  /** When the condition started (first qualifying reading, or when the reading fell due). */
  since: Date;
  /** Readings the alert rests on, oldest first. */
  readingIds: string[];
  action: AlertAction;
  /**
   * True when the server should keep the alert in front of the team until a
   * clinician acknowledges it, even after the condition has cleared.
   */
  requiresAcknowledgement: boolean;
  /** Null while active; otherwise the time of the reading that ended the condition. */
  clearedAt: Date | null;
  clearedByReadingId: string | null;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { emergency: 0, escalate: 1, warning: 2, advisory: 3 };

/** Builds the stable acknowledgement key of an alert. */
export function alertKey(rule: number, code: string, anchor: string): string {
  return `${rule}:${code}:${anchor}`;
}

/** Orders alerts emergency → advisory, then oldest first, then by rule and key, for stable display. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.since.getTime() - b.since.getTime() ||
      a.rule - b.rule ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The strongest severity among alerts, or null when there are none. */
export function worstAlertSeverity(alerts: readonly Alert[]): AlertSeverity | null {
  let worst: AlertSeverity | null = null;
  for (const alert of alerts) {
    if (worst === null || SEVERITY_RANK[alert.severity] < SEVERITY_RANK[worst]) worst = alert.severity;
  }
  return worst;
}
