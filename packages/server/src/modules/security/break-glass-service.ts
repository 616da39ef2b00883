/**
 * Break the glass and care teams. Each emergency access is an append-only
 * row plus an audit entry in the same transaction; the medical director sees
 * the list (Audit → Emergency access).
 */
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { BreakGlassGrant, CareTeamMember } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { breakGlassAccess, patientCareTeam, patients, users } from '../../db/schema/index.ts';
import { invalidField, notFound } from '../../errors.ts';
import { BREAK_GLASS_HOURS } from '../../security/care-team.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';

const patientName = (p: { givenName: string; familyName: string }): string => `${p.familyName}, ${p.givenName}`;

export async function breakTheGlass(deps: AppDeps, actor: AuditActor, patientId: string, reason: string): Promise<BreakGlassGrant> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [patient] = await tx.select().from(patients).where(eq(patients.id, patientId)).limit(1);
    if (!patient) throw notFound('Patient');
    const [user] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, actor.userId!)).limit(1);
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const [row] = await tx.insert(breakGlassAccess).values({ userId: actor.userId!, patientId, reason, grantedAt: now, expiresAt }).returning();
    await recordAudit(tx, actor, {
      action: 'access.break-glass',
      resourceType: 'patient',
      resourceId: patientId,
      patientId,
      details: { breakGlassId: row!.id, expiresAt: expiresAt.toISOString(), reasonLength: reason.length },
    }, now);
    return {
      id: row!.id,
      userId: actor.userId!,
      userDisplayName: user?.displayName ?? '',
      patientId,
      patientName: patientName(patient),
      patientMrn: patient.mrn,
      reason,
      grantedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  });
}

export async function listBreakGlass(deps: AppDeps, actor: AuditActor, range: { from?: string | undefined; to?: string | undefined }): Promise<BreakGlassGrant[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: breakGlassAccess.id,
        userId: breakGlassAccess.userId,
        userDisplayName: users.displayName,
        patientId: breakGlassAccess.patientId,
        givenName: patients.givenName,
        familyName: patients.familyName,
        patientMrn: patients.mrn,
        reason: breakGlassAccess.reason,
        grantedAt: breakGlassAccess.grantedAt,
        expiresAt: breakGlassAccess.expiresAt,
      })
      .from(breakGlassAccess)
      .innerJoin(users, eq(users.id, breakGlassAccess.userId))
      .innerJoin(patients, eq(patients.id, breakGlassAccess.patientId))
      .where(and(
        range.from ? gte(breakGlassAccess.grantedAt, new Date(range.from)) : undefined,
        range.to ? lte(breakGlassAccess.grantedAt, new Date(range.to)) : undefined,
      ))
      .orderBy(desc(breakGlassAccess.grantedAt))
      .limit(500);
    await recordAudit(tx, actor, { action: 'access.break-glass-review', resourceType: 'break-glass', details: { resultCount: rows.length, patientIds: [...new Set(rows.map((r) => r.patientId))] } }, now);
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      userDisplayName: r.userDisplayName,
      patientId: r.patientId,
      patientName: patientName(r),
      patientMrn: r.patientMrn,
      reason: r.reason,
      grantedAt: r.grantedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    }));
  });
}

export async function getCareTeam(deps: AppDeps, actor: AuditActor, patientId: string): Promise<CareTeamMember[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [patient] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId)).limit(1);
    if (!patient) throw notFound('Patient');
    const rows = await tx
      .select({ userId: patientCareTeam.userId, displayName: users.displayName, addedAt: patientCareTeam.addedAt })
      .from(patientCareTeam)
      .innerJoin(users, eq(users.id, patientCareTeam.userId))
      .where(eq(patientCareTeam.patientId, patientId))
      .orderBy(users.displayName);
    await recordAudit(tx, actor, { action: 'patient.care-team-read', resourceType: 'patient', resourceId: patientId, patientId }, now);
    return rows.map((r) => ({ userId: r.userId, displayName: r.displayName, addedAt: r.addedAt.toISOString() }));
  });
}

export async function setCareTeam(deps: AppDeps, actor: AuditActor, patientId: string, userIds: readonly string[]): Promise<CareTeamMember[]> {
  const now = deps.now();
  const wanted = [...new Set(userIds)];
  await deps.database.db.transaction(async (tx) => {
    const [patient] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId)).limit(1);
    if (!patient) throw notFound('Patient');
    if (wanted.length > 0) {
      const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, wanted), eq(users.active, true)));
      const known = new Set(found.map((u) => u.id));
      const missing = wanted.findIndex((id) => !known.has(id));
      if (missing >= 0) throw invalidField(`userIds.${missing}`, 'is not an active staff account');
    }
    const before = await tx.select({ userId: patientCareTeam.userId }).from(patientCareTeam).where(eq(patientCareTeam.patientId, patientId));
    await tx.delete(patientCareTeam).where(eq(patientCareTeam.patientId, patientId));
    if (wanted.length > 0) await tx.insert(patientCareTeam).values(wanted.map((userId) => ({ patientId, userId, addedAt: now, addedBy: actor.userId })));
    await recordAudit(tx, actor, {
      action: 'patient.care-team-change',
      resourceType: 'patient',
      resourceId: patientId,
      patientId,
      details: { from: before.map((b) => b.userId), to: wanted },
    }, now);
  });
  return getCareTeam(deps, actor, patientId);
}
