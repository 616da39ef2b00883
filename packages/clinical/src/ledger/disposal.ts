/**
 * How controlled-substance stock may leave inventory (clinical.md §11.2, §15 rule 39).
 */
import type { Finding } from '../shared/finding.ts';

/** Why the drug is leaving. */
export type DisposalReason =
  | 'expired'
  | 'unwanted'
  | 'recalled'
  /** Drawn for a patient and not all given. */
  | 'wastage'
  /** Unrecoverable breakage or spill. */
  | 'breakage';

/** The record the disposal is written to. */
export type DisposalRoute = 'form-41' | 'reverse-distributor' | 'waste-log' | 'breakage-record';

export interface DisposalDecision {
  allowed: boolean;
  /** The routes that fit the reason. */
  allowedRoutes: DisposalRoute[];
  findings: Finding[];
}

const SOURCES = ['S38'];

function routesFor(reason: DisposalReason): DisposalRoute[] {
  switch (reason) {
    case 'expired':
    case 'unwanted':
    case 'recalled':
      return ['form-41', 'reverse-distributor'];
    case 'wastage':
      return ['waste-log'];
    case 'breakage':
      return ['breakage-record'];
  }
}

/**
 * Rule 39: classifies a disposal request. Expired, unwanted or recalled stock may
 * leave only through DEA Form 41 or a reverse distributor: the waste log is
 * blocked (wastage is drug drawn for a patient, not inventory). Wastage belongs on
 * the witnessed waste log, unrecoverable breakage on a breakage record signed by
 * two witnesses (Form 41 not required); other mismatches are blocked too, since
 * the record would be the wrong one. Source: [S38].
 */
export function classifyDisposal(reason: DisposalReason, route: DisposalRoute): DisposalDecision {
  const allowedRoutes = routesFor(reason);
  if (allowedRoutes.includes(route)) return { allowed: true, allowedRoutes, findings: [] };
  const stock = reason === 'expired' || reason === 'unwanted' || reason === 'recalled';
  const finding: Finding = {
    rule: 39,
    severity: 'block',
    code: stock && route === 'waste-log' ? 'stock-disposal-via-waste-log' : 'disposal-route-mismatch',
    message: stock
      ? `${reason[0]?.toUpperCase()}${reason.slice(1)} stock can leave inventory only through DEA Form 41 or a reverse distributor, not the ${route === 'waste-log' ? 'waste log' : route} (rule 39).`
      : `${reason === 'wastage' ? 'Wastage is recorded on the witnessed waste log' : 'Unrecoverable breakage is recorded on a breakage record signed by two witnesses'}, not via ${route} (rule 39).`,
    facts: { reason, route },
    thresholds: { allowedRoutes: allowedRoutes.join(', ') },
    sources: SOURCES,
  };
  return { allowed: false, allowedRoutes, findings: [finding] };
}
