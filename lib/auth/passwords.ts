// Passwords: argon2id (OWASP's recommended parameters are the library's defaults), never logged.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps timing from revealing which emails exist.
let dummy: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummy, password);
}

/** A generated password people can type: 4 groups of 5 letters and digits (about 100 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  let out = "";
  for (const [i, byte] of randomBytes(20).entries()) {
    if (i && i % 5 === 0) out += "-";
    out += alphabet[byte % alphabet.length];
  }
  return out;
}
