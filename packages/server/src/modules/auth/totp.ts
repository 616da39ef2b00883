/**
 * TOTP (RFC 6238) with otplib: 6 digits, 30-second steps, SHA-1 (what
 * authenticator apps use). A code is accepted within ±1 step of the clock,
 * and never twice (the accepted step is remembered per account).
 */
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

export function totpUri(secret: string, accountEmail: string, issuer: string): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

export const qrCodeDataUrl = (text: string): Promise<string> => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240 });

/**
 * The time step of an accepted code, or null. `afterTimeStep` refuses a code
 * from a step already used (replay).
 */
export async function verifyTotp(secret: string, code: string, now: Date, afterTimeStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD_SECONDS,
      ...(afterTimeStep !== null ? { afterTimeStep } : {}),
    });
    if (!result.valid) return null;
    return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
  } catch {
    return null;
  }
}
