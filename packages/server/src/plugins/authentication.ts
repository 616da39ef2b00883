/**
 * Resolves the session cookie into `request.user` and enforces each route's
 * declared access: no session → 401, wrong role → 403 (audited).
 * Sessions end after the idle time-out or the absolute lifetime, whichever first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role, SessionUser } from '@glia/contracts';
import type { AppDeps } from '../deps.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { getClinic } from '../modules/clinic/clinic-repo.ts';
import { addressesPatientRecord, careTeamAccess, patientOfRecord } from '../security/care-team.ts';
import type { AuditActor } from '../modules/audit/audit-service.ts';
import { recordAuditStandalone } from '../modules/audit/audit-service.ts';
import { findSession, hashToken, revokeSession, touchSession } from '../modules/auth/session-repo.ts';

export const SESSION_COOKIE = 'glia_session';

/** Only write last-seen when it moved this much, to keep reads cheap. */
const TOUCH_EVERY_MS = 30_000;

export interface RequestSession {
  tokenHash: string;
  expiresAt: Date;
  /** Password accepted, second factor still owed. */
  mfaPending: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    session: RequestSession | null;
    /** Why the session cookie was not accepted, for a helpful 401. */
    sessionProblem: string | null;
    /** A refusal of this request is already in the audit trail. */
    deniedAudited: boolean;
    actor(): AuditActor;
  }
}

/** Reads and unsigns the session cookie, or returns null. */
export function sessionToken(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient a request is about, when its URL names one (params may be unvalidated here). */
export function patientIdOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const candidate = params?.patientId ?? (request.routeOptions.url?.startsWith('/api/patients/:id') ? params?.id : undefined);
  return typeof candidate === 'string' && UUID.test(candidate) ? candidate.toLowerCase() : null;
}

export const authenticationPlugin = fp(async (app: FastifyInstance, opts: { deps: AppDeps }) => {
  const { deps } = opts;
  const { db } = deps.database;
  const idleMs = deps.session.idleMinutes * 60_000;

  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('deniedAudited', false);
  app.decorateRequest('actor', function (this: FastifyRequest): AuditActor {
    return { userId: this.user?.id ?? null, userEmail: this.user?.email ?? null, clientIp: this.ip, requestId: this.id };
  });

  const endedMessage = (reason: string | null): string => {
    switch (reason) {
      case 'idle':
        return `You were signed out after ${deps.session.idleMinutes} minutes without activity. Sign in again.`;
      case 'expired':
        return 'Your session reached its maximum length. Sign in again.';
      case 'roles-changed':
        return 'Your roles changed. Sign in again to continue with the new roles.';
      case 'logout-everywhere':
        return 'You signed out on every device. Sign in again.';
      case 'password-changed':
        return 'Your password was changed. Sign in again with the new password.';
      case 'mfa-reset':
        return 'Your two-step sign-in was reset by an administrator. Sign in again to set it up.';
      default:
        return 'Your session has ended. Sign in again.';
    }
  };

  /** Resolves the cookie into request.user, or leaves it null with a reason. */
  async function resolveSession(request: FastifyRequest): Promise<void> {
    const token = sessionToken(request);
    if (!token) return;
    const tokenHash = hashToken(token);
    const found = await findSession(db, tokenHash);
    const now = deps.now();
    if (!found || found.revokedAt) {
      request.sessionProblem = endedMessage(found?.revokedReason ?? null);
      return;
    }
    if (!found.user.active) {
      request.sessionProblem = 'This account is deactivated.';
      return;
    }
    if (now.getTime() >= found.expiresAt.getTime()) {
      await revokeSession(db, tokenHash, now, 'expired');
      request.sessionProblem = endedMessage('expired');
      return;
    }
    if (now.getTime() - found.lastSeenAt.getTime() > idleMs) {
      await revokeSession(db, tokenHash, now, 'idle');
      request.sessionProblem = endedMessage('idle');
      return;
    }
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash, now);
    request.user = {
      id: found.user.id,
      email: found.user.email,
      displayName: found.user.displayName,
      roles: found.user.roles as Role[],
    };
    request.session = { tokenHash, expiresAt: found.expiresAt, mfaPending: found.mfaPending };
  }

  // Runs before the body is parsed or validated, so an unauthenticated or
  // unauthorized caller learns nothing about the route's input rules.
  app.addHook('onRequest', async (request) => {
    await resolveSession(request);
    const access = request.routeOptions.config.access;
    if (!access) {
      // Only non-API routes (web app, docs) may lack a declaration; buildApp refuses the rest at boot.
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && request.routeOptions.url) throw forbidden('This route declares no access.');
      return;
    }
    if ('public' in access) return;
    if (!request.user) throw unauthenticated(request.sessionProblem ?? undefined);
    if (request.session?.mfaPending && !request.routeOptions.config.allowDuringMfa) {
      throw unauthenticated('Finish signing in: enter the code from your authenticator app (POST /api/auth/mfa).');
    }
    if (!request.user.roles.some((role) => access.roles.includes(role))) {
      await recordAuditStandalone(
        db,
        request.actor(),
        {
          action: 'access.denied',
          resourceType: 'route',
          resourceId: `${request.method} ${request.routeOptions.url ?? ''}`,
          patientId: patientIdOf(request),
          outcome: 'denied',
          details: { roles: request.user.roles, allowed: [...access.roles] },
        },
        deps.now(),
      );
      request.deniedAudited = true;
      throw forbidden();
    }
    await enforceCareTeam(request);
  });

  // A refused or not-found request that names a patient is recorded too: ids
  // from another patient in a URL or body (IDOR probing) leave a trace.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.user || (reply.statusCode !== 403 && reply.statusCode !== 404 && reply.statusCode !== 409)) return payload;
    if (request.deniedAudited) return payload;
    const patientId = patientIdOf(request);
    if (!patientId) return payload;
    await recordAuditStandalone(db, request.actor(), {
      action: 'access.refused',
      resourceType: 'route',
      resourceId: `${request.method} ${request.routeOptions.url ?? ''}`,
      patientId,
      outcome: 'denied',
      details: { status: reply.statusCode },
    }, deps.now());
    return payload;
  });

  /** When the clinic restricts charts to care teams, a patient-scoped route needs membership or break-the-glass. */
  async function enforceCareTeam(request: FastifyRequest): Promise<void> {
    if (!request.user || request.routeOptions.config.careTeamExempt) return;
    const direct = patientIdOf(request);
    if (!direct && !addressesPatientRecord(request.routeOptions.url)) return;
    const clinic = await getClinic(db);
    if (!clinic.careTeamRestricted) return;
    // Sessions, plans and appointments are addressed by their own id: the restriction follows them to their patient.
    const patientId = direct ?? (await patientOfRecord(db, request.routeOptions.url, request.params));
    if (!patientId) return;
    const now = deps.now();
    const access = await careTeamAccess(db, request.user, patientId, now);
    if (access !== 'none') return;
    await recordAuditStandalone(db, request.actor(), {
      action: 'access.care-team-denied',
      resourceType: 'route',
      resourceId: `${request.method} ${request.routeOptions.url ?? ''}`,
      patientId,
      outcome: 'denied',
    }, now);
    request.deniedAudited = true;
    throw new AppError('FORBIDDEN', 403, 'This patient is not on your care team. In an emergency, break the glass with a reason: the access is recorded and shown to the medical director.', {
      extra: { breakGlass: { url: `/api/patients/${patientId}/break-glass` } },
    });
  }
});
