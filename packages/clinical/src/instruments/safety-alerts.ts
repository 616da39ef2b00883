/**
 * Suicide-risk alerts raised by a scored form (instruments.md §2.1, §2.3-§2.5,
 * §2.7, §2.9; clinical.md §15 rule 31 asks for C-SSRS/SSI at baseline and each
 * visit). A positive suicide or self-harm item goes to the patient's primary
 * clinician whatever the total; a missing item raises nothing here (the scorer
 * reports it as missing, never as negative).
 */
import type { InstrumentScore, ItemResponse } from './score-types.ts';

/** How fast a clinician must look: urgent = before the patient leaves, high = today, routine = at the next review. */
export type SafetyAlertPriority = 'urgent' | 'high' | 'routine';

export interface SafetyAlert {
  /** Stable code, e.g. 'phq9-item9-positive'. */
  code: string;
  priority: SafetyAlertPriority;
  /** The item that raised the alert (1-based); null when raised by a risk level. */
  item: number | null;
  message: string;
  source: string;
}

const yes = (value: ItemResponse | undefined): boolean => value === 1;

/**
 * The alerts a scored form raises. PHQ-9 item 9 ≥ 1 → high; C-SSRS screener: any
 * "yes" on Q1-Q6 is positive, priority from the risk level (high → urgent,
 * moderate → high, low → routine; a positive but unscoreable form → high); EPDS
 * item 10 > 0 → urgent (immediate follow-up, §2.7); MADRS item 10 at the
 * escalation threshold → high; non-zero suicide items of MADRS, QIDS-SR16 and
 * HAM-D17 below escalation → routine. Other instruments raise none.
 */
export function safetyAlertsFor(score: InstrumentScore, responses: readonly ItemResponse[]): SafetyAlert[] {
  switch (score.instrument) {
    case 'PHQ-9':
      return score.suicideRisk === true
        ? [{ code: 'phq9-item9-positive', priority: 'high', item: 9, message: `PHQ-9 item 9 (thoughts of death or self-harm) answered ${String(responses[8])}: assess suicide risk today.`, source: 'instruments.md §2.1' }]
        : [];
    case 'C-SSRS-Screener': {
      const positiveItems = responses.slice(0, 6).flatMap((v, i) => (yes(v) ? [i + 1] : []));
      if (positiveItems.length === 0) return [];
      const priority: SafetyAlertPriority = score.band === 'high' ? 'urgent' : score.band === 'moderate' ? 'high' : score.band === 'low' ? 'routine' : 'high';
      const level = score.band === null ? 'not determinable (incomplete form)' : score.band;
      return [{
        code: 'cssrs-positive',
        priority,
        item: null,
        message: `C-SSRS screener positive (yes to ${positiveItems.map((n) => `Q${n}`).join(', ')}); risk level ${level}.`,
        source: 'instruments.md §2.9',
      }];
    }
    case 'EPDS':
      return score.selfHarmFlag === true
        ? [{ code: 'epds-item10-positive', priority: 'urgent', item: 10, message: 'EPDS item 10 (thoughts of self-harm) is above 0: immediate clinical follow-up.', source: 'instruments.md §2.7' }]
        : [];
    case 'MADRS':
      if (score.suicideItemEscalation === true) {
        return [{ code: 'madrs-item10-escalation', priority: 'high', item: 10, message: `MADRS item 10 (suicidal thoughts) rated ${String(responses[9])}, at or above the escalation threshold.`, source: 'instruments.md §2.3, §6.11' }];
      }
      return score.suicideItemNonzero === true
        ? [{ code: 'madrs-item10-nonzero', priority: 'routine', item: 10, message: `MADRS item 10 (suicidal thoughts) rated ${String(responses[9])}.`, source: 'instruments.md §2.3' }]
        : [];
    case 'QIDS-SR16':
      return score.suicideItemNonzero === true
        ? [{ code: 'qids-item12-nonzero', priority: 'routine', item: 12, message: `QIDS-SR16 item 12 (thoughts of death or suicide) answered ${String(responses[11])}.`, source: 'instruments.md §2.4' }]
        : [];
    case 'HAM-D17':
      return score.suicideItemNonzero === true
        ? [{ code: 'hamd-item3-nonzero', priority: 'routine', item: 3, message: `HAM-D17 item 3 (suicide) rated ${String(responses[2])}.`, source: 'instruments.md §2.5' }]
        : [];
    case 'PHQ-2':
    case 'GAD-7':
    case 'GAD-2':
    case 'PCL-5':
    case 'Y-BOCS':
    case 'CADSS':
    case 'CADSS-6':
    case 'Pain-NRS':
    case 'BPI-SF':
      return [];
  }
}
