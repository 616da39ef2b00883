/**
 * The common shape of every explanation the clinical core returns.
 *
 * A finding names the rule (clinical.md §15), how serious it is, the facts it
 * used and the threshold it compared them with, so a clinician can read why
 * Glia blocked, warned or informed. Sources are the bibliography codes of
 * clinical.md §14 (for example "S5").
 */
export type Severity = 'block' | 'warning' | 'info';

export interface Finding {
  /** Rule number in clinical.md §15. */
  rule: number;
  severity: Severity;
  /** Stable machine code, kebab-case, unique per rule outcome (e.g. "dose-above-hard-limit"). */
  code: string;
  /** One or two sentences a clinician can read, with the value and the threshold. */
  message: string;
  /** The facts the rule used, with units in the key names (e.g. { doseMgPerKg: 1.2 }). */
  facts: Record<string, string | number | boolean | null>;
  /** The threshold(s) compared against, named like the configuration keys. */
  thresholds?: Record<string, string | number | boolean | null>;
  /** Bibliography codes from clinical.md §14. */
  sources: string[];
}

/** Orders findings block → warning → info, then by rule number, for stable display. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { block: 0, warning: 1, info: 2 };
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.rule - b.rule);
}

/** The strongest severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  if (findings.length > 0) return 'info';
  return null;
}
