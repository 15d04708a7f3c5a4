// Time-based one-time passwords (RFC 6238) and single-use recovery codes.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const ISSUER = "Outpost";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string) {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

const PERIOD_MS = 30_000;

/**
 * The time step a code belongs to (the current one or one either side, for clock drift), or null
 * when it matches none. Callers store the step so each code is accepted once (RFC 6238 §5.2):
 * see claimTotpStep.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, "x").validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

/** The current code (tests and the enrolment preview use it). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret, "x").generate({ timestamp: now });
}

export async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k3f9q-x2m7d", each usable once in place of a TOTP code. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(
      code
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ""),
    )
    .digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
