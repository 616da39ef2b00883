/**
 * Response and maintenance reviews of a series (clinical.md §15 rules 16-17, §5.2-5.3).
 */
import type { Finding } from '../shared/finding.ts';
import type { SpacingConfig } from './spacing-config.ts';
import { assertSpacingConfig } from './spacing-config.ts';
import type { SeriesKind } from './series-spacing.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_WEEK = 7 * MS_PER_DAY;
const MAINTENANCE_SOURCES = ['S39', 'S13'];

export interface ResponseReviewDue {
  /** When the end-of-induction review falls due. */
  dueAt: Date;
  /** What set the date: the Nth IV infusion, or the end of a series week. */
  trigger: 'infusion-count' | 'end-of-week';
  /** The infusion number that triggers it, when trigger is 'infusion-count'. */
  infusionNumber: number | null;
  /** The series week whose end is the latest due date. */
  byEndOfWeek: number;
}

/**
 * Rule 16: when the end-of-induction response review is due.
 * IV ketamine: at the start of infusion N (`responseReview.ivAfterInfusionCount`,
 * default 6; the review follows that infusion) or at the end of week
 * `responseReview.ivByEndOfWeek` (default 4, i.e. series start + 28 days),
 * whichever comes first. Esketamine: end of week
 * `responseReview.esketamineByEndOfWeek` (default 4). The series starts at the
 * earliest of `sessionTimes` (booked or given). Returns null for an empty series.
 * The continuation flag at the review (improvement under 50%) is
 * `reviewContinuation` in outcomes/continuation-review.ts. Sources: [S5], [S11], [S12].
 */
export function responseReviewDue(sessionTimes: readonly Date[], kind: SeriesKind, config: SpacingConfig): ResponseReviewDue | null {
  assertSpacingConfig(config);
  const times = sessionTimes
    .map((t, i) => {
      const ms = t instanceof Date ? t.getTime() : Number.NaN;
      if (!Number.isFinite(ms)) throw new RangeError(`sessionTimes[${i}]: not a valid date`);
      return ms;
    })
    .sort((a, b) => a - b);
  const start = times[0];
  if (start === undefined) return null;
  switch (kind) {
    case 'iv-ketamine': {
      const { ivAfterInfusionCount, ivByEndOfWeek } = config.responseReview;
      const weekEnd = start + ivByEndOfWeek * MS_PER_WEEK;
      const nth = times[ivAfterInfusionCount - 1];
      if (nth !== undefined && nth <= weekEnd) {
        return { dueAt: new Date(nth), trigger: 'infusion-count', infusionNumber: ivAfterInfusionCount, byEndOfWeek: ivByEndOfWeek };
      }
      return { dueAt: new Date(weekEnd), trigger: 'end-of-week', infusionNumber: null, byEndOfWeek: ivByEndOfWeek };
    }
    case 'esketamine': {
      const week = config.responseReview.esketamineByEndOfWeek;
      return { dueAt: new Date(start + week * MS_PER_WEEK), trigger: 'end-of-week', infusionNumber: null, byEndOfWeek: week };
    }
  }
}

/** A documented maintenance (booster) plan. */
export interface MaintenancePlan {
  documentedAt: Date;
  /** Planned end of maintenance, if the plan sets one. */
  endPointAt: Date | null;
  /** Next review date written in the plan, if any. */
  reviewAt: Date | null;
  /** When the plan was last reviewed; null if never since it was documented. */
  lastReviewedAt: Date | null;
}

/**
 * Rule 17: when the maintenance plan must next be reviewed: the earlier of the
 * plan's own review date and (last review, or documentation) +
 * `maintenance.reviewIntervalWeeks` (12). Sources: [S39], [S13].
 */
export function maintenanceReviewDue(plan: MaintenancePlan, config: SpacingConfig): Date {
  assertSpacingConfig(config);
  const base = (plan.lastReviewedAt ?? plan.documentedAt).getTime();
  const byInterval = base + config.maintenance.reviewIntervalWeeks * MS_PER_WEEK;
  const own = plan.reviewAt?.getTime();
  return new Date(own !== undefined && own < byInterval ? own : byInterval);
}

export interface BoosterDecision {
  allowed: boolean;
  findings: Finding[];
}

/**
 * Rule 17: may a booster be booked at `boosterAt`? Requires a documented
 * maintenance plan with an end point or a review date (block otherwise), blocks a
 * booster after the plan's end point, and treats a booster after the review has
 * fallen due per `maintenance.overdueReviewSeverity` (default block).
 * Sources: [S39] (defined course and end point), [S13] (maintenance case by case).
 */
export function boosterBookingAllowed(plan: MaintenancePlan | null, boosterAt: Date, config: SpacingConfig): BoosterDecision {
  assertSpacingConfig(config);
  const at = boosterAt.getTime();
  if (!Number.isFinite(at)) throw new RangeError('boosterAt: not a valid date');
  const findings: Finding[] = [];
  const thresholds = { 'maintenance.reviewIntervalWeeks': config.maintenance.reviewIntervalWeeks };
  if (plan === null) {
    findings.push({
      rule: 17,
      severity: 'block',
      code: 'maintenance-plan-missing',
      message: 'No maintenance plan is documented; boosters can be booked only under a plan with an end point or review date (rule 17).',
      facts: { boosterAt: boosterAt.toISOString(), planDocumented: false },
      sources: MAINTENANCE_SOURCES,
    });
    return { allowed: false, findings };
  }
  const facts = {
    boosterAt: boosterAt.toISOString(),
    planDocumentedAt: plan.documentedAt.toISOString(),
    endPointAt: plan.endPointAt?.toISOString() ?? null,
    reviewAt: plan.reviewAt?.toISOString() ?? null,
    lastReviewedAt: plan.lastReviewedAt?.toISOString() ?? null,
  };
  if (plan.endPointAt === null && plan.reviewAt === null) {
    findings.push({
      rule: 17,
      severity: 'block',
      code: 'maintenance-plan-without-end-point',
      message: 'The maintenance plan has neither an end point nor a review date; add one before booking boosters (rule 17).',
      facts,
      sources: MAINTENANCE_SOURCES,
    });
  }
  if (plan.endPointAt !== null && at > plan.endPointAt.getTime()) {
    findings.push({
      rule: 17,
      severity: 'block',
      code: 'maintenance-plan-ended',
      message: `The booster (${facts.boosterAt}) is after the plan's end point (${facts.endPointAt}); review and extend the plan first (rule 17).`,
      facts,
      sources: MAINTENANCE_SOURCES,
    });
  }
  const dueAt = maintenanceReviewDue(plan, config);
  if (at > dueAt.getTime()) {
    findings.push({
      rule: 17,
      severity: config.maintenance.overdueReviewSeverity,
      code: 'maintenance-review-overdue',
      message: `The maintenance review was due ${dueAt.toISOString()}, before this booster (${facts.boosterAt}); review the plan first (rule 17).`,
      facts: { ...facts, reviewDueAt: dueAt.toISOString() },
      thresholds,
      sources: MAINTENANCE_SOURCES,
    });
  }
  return { allowed: !findings.some((f) => f.severity === 'block'), findings };
}
