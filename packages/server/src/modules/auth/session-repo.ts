import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users, userSessions } from '../../db/schema/index.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export interface SessionWithUser {
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  mfaPending: boolean;
  user: { id: string; email: string; displayName: string; roles: string[]; active: boolean };
}

export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; userId: string; now: Date; expiresAt: Date; clientIp: string | null; userAgent: string | null; mfaPending?: boolean },
): Promise<void> {
  await db.insert(userSessions).values({
    tokenHash: values.tokenHash,
    userId: values.userId,
    createdAt: values.now,
    lastSeenAt: values.now,
    expiresAt: values.expiresAt,
    clientIp: values.clientIp,
    userAgent: values.userAgent?.slice(0, 300) ?? null,
    mfaPending: values.mfaPending ?? false,
  });
}

export async function findSession(db: DbOrTx, tokenHash: string): Promise<SessionWithUser | null> {
  const [row] = await db
    .select({
      tokenHash: userSessions.tokenHash,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      revokedAt: userSessions.revokedAt,
      revokedReason: userSessions.revokedReason,
      mfaPending: userSessions.mfaPending,
      user: { id: users.id, email: users.email, displayName: users.displayName, roles: users.roles, active: users.active },
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.tokenHash, tokenHash));
}

export async function revokeSession(db: DbOrTx, tokenHash: string, now: Date, reason: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.tokenHash, tokenHash), isNull(userSessions.revokedAt)));
}

/** Ends every open session of a user; returns how many were open. */
export async function revokeAllSessionsOfUser(db: DbOrTx, userId: string, now: Date, reason: string): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ tokenHash: userSessions.tokenHash });
  return ended.length;
}
