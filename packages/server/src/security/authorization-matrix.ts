/**
 * The authorization matrix: every API route × the roles allowed to call it,
 * as data. Routes keep enforcing their own `config: allow(...)`; this table is
 * the reviewed statement of who may do what, and
 * `authorization-matrix.int.test.ts` calls every registered route as every
 * role and as no one and fails when a route grants more than this table, when
 * a route is missing here (printing the row to paste), or when a row names a
 * route that no longer exists.
 *
 * Adding a route: run `npx vitest run --project server-pglite
 * packages/server/src/security/authorization-matrix.int.test.ts`, review the
 * printed row, paste it here in alphabetical order.
 */
import type { Role } from '@glia/contracts';
import type { Access } from './access.ts';

/** Callable without a session (health, docs, sign-in). */
export const PUBLIC = 'public' as const;

const ANY_STAFF: readonly Role[] = ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk', 'billing'];

export type MatrixEntry = readonly Role[] | typeof PUBLIC;

/**
 * Routes that answer with a stream that stays open (server-sent events): the
 * generated tests call them over a real socket and stop reading after the
 * status line, since an injected request would wait for the end forever.
 */
export const STREAMING_ROUTES: ReadonlySet<string> = new Set(['GET /api/board/events']);

export const AUTHORIZATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  'GET /api/audit': ['admin', 'medical-director'],
  'GET /api/audit/export.csv': ['admin', 'medical-director'],
  'GET /api/auth/me': ANY_STAFF,
  'GET /api/auth/mfa': ANY_STAFF,
  'GET /api/board/events': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/clinic': ANY_STAFF,
  'GET /api/clinic/rule-config': ['admin', 'medical-director', 'prescriber', 'nurse'],
  'GET /api/clinicians': ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  'GET /api/consent-templates': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/health': PUBLIC,
  'GET /api/icd10': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/intake/patients': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'GET /api/intake/stage-counts': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/count-sheet': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/counts': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/counts/:id': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/investigations': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/locations': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/loss-reports': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/lots': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/lots/:id': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/lots/:id/draws/:drawId': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/overview': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/pending-wastes': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/products': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/reports/:kind': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/inventory/reports/:kind/export': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/openapi.json': PUBLIC,
  'GET /api/outbox': ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/patients': ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  'GET /api/patients/:id': ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  'GET /api/patients/:id/assessments': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/care-team': ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  'GET /api/patients/:id/consents': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/consents/:consentId/pdf': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/disclosures': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/patients/:id/eligibility': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/eligibility/decisions': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/evaluation-notes': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/history': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/intake': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/observations': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/patients/:id/sessions': ['medical-director', 'prescriber', 'nurse'],
  'GET /api/plans': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/plans/:id': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/protocols': ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/safety-alerts': ['nurse', 'prescriber', 'medical-director'],
  'GET /api/schedule/day': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/schedule/week': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/security/break-glass': ['admin', 'medical-director'],
  'GET /api/sessions': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'GET /api/sessions/:id': ['medical-director', 'prescriber', 'nurse'],
  'GET /api/sessions/:id/discharge-instructions.pdf': ['medical-director', 'prescriber', 'nurse'],
  'GET /api/users': ['admin'],
  'GET /api/waitlist': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'PATCH /api/clinic': ['admin'],
  'PATCH /api/patients/:id': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'PATCH /api/patients/:id/medications/:medicationId': ['nurse', 'prescriber', 'medical-director'],
  'PATCH /api/patients/:id/problems/:problemId': ['nurse', 'prescriber', 'medical-director'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/appointments/:id/cancel': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/appointments/:id/move': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/appointments/:id/no-show': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/audit/verify': ['admin', 'medical-director'],
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': ANY_STAFF,
  'POST /api/auth/logout-everywhere': ANY_STAFF,
  'POST /api/auth/mfa': ANY_STAFF,
  'POST /api/auth/mfa/confirm': ANY_STAFF,
  'POST /api/auth/mfa/enrol': ANY_STAFF,
  'POST /api/auth/password': ANY_STAFF,
  'POST /api/consent-templates/:key/versions': ['medical-director'],
  'POST /api/inventory/counts': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/investigations/:id/resolution': ['medical-director'],
  'POST /api/inventory/locations': ['medical-director'],
  'POST /api/inventory/loss-reports/:id/milestones': ['medical-director'],
  'POST /api/inventory/lots': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/draws': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/draws/:drawId/administrations': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/draws/:drawId/close': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/draws/:drawId/wastes': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/entries/:entryId/reversals': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/losses': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/returns': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/transfers': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/lots/:id/verification': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/pending-wastes/:id/cancel': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/pending-wastes/:id/witness': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/inventory/products': ['medical-director'],
  'POST /api/patients': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/allergies': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/antidepressant-trials': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/assessments': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/break-glass': ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  'POST /api/patients/:id/consents': ['prescriber', 'medical-director', 'nurse'],
  'POST /api/patients/:id/consents/:consentId/addenda': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/eligibility/decisions': ['prescriber', 'medical-director'],
  'POST /api/patients/:id/eligibility/decisions/:decisionId/addenda': ['prescriber', 'medical-director'],
  'POST /api/patients/:id/evaluation-notes': ['prescriber', 'medical-director'],
  'POST /api/patients/:id/evaluation-notes/:noteId/addenda': ['prescriber', 'medical-director'],
  'POST /api/patients/:id/medications': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/observations': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/plans': ['medical-director', 'prescriber'],
  'POST /api/patients/:id/problems': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/referrals': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/safety-alerts/:alertId/acknowledge': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/stage': ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  'POST /api/patients/:id/substance-use-assessments': ['nurse', 'prescriber', 'medical-director'],
  'POST /api/plans/:id/orders': ['medical-director', 'prescriber'],
  'POST /api/plans/:id/series': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/plans/:id/series/proposal': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/plans/:id/status': ['medical-director', 'prescriber'],
  'POST /api/sessions': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'POST /api/sessions/:id/adverse-events': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/alerts/:key/acknowledge': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/close': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/discharge': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/note': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/note/addenda': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/order': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/pre-dose-decision': ['medical-director', 'prescriber'],
  'POST /api/sessions/:id/pump-events': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/readings': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/recovery': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/sessions/:id/waste': ['medical-director', 'prescriber', 'nurse'],
  'POST /api/users': ['admin'],
  'POST /api/users/:id/mfa-reset': ['admin'],
  'POST /api/waitlist': ['medical-director', 'prescriber', 'nurse', 'front-desk'],
  'PUT /api/clinic/rule-config': ['medical-director'],
  'PUT /api/patients/:id/care-team': ['prescriber', 'medical-director'],
  'PUT /api/patients/:id/intake/profile': ['nurse', 'prescriber', 'medical-director'],
  'PUT /api/sessions/:id/check-in': ['medical-director', 'prescriber', 'nurse'],
};

const ROLE_ORDER: readonly Role[] = ANY_STAFF;

/** The row for a route as its `allow(...)` declares it, ready to paste into AUTHORIZATION_MATRIX. */
export function matrixRow(method: string, url: string, access: Access): string {
  if ('public' in access) return `  '${method} ${url}': PUBLIC,`;
  const roles = ROLE_ORDER.filter((role) => access.roles.includes(role));
  const value = roles.length === ROLE_ORDER.length ? 'ANY_STAFF' : `[${roles.map((role) => `'${role}'`).join(', ')}]`;
  return `  '${method} ${url}': ${value},`;
}
