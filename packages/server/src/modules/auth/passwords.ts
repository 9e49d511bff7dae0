import { hash, verify } from '@node-rs/argon2';

// algorithm 2 is Argon2id (a const enum in the package's types, so spelled as its value).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id at OWASP's recommended parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash of a random string: verifying against it costs the same as a real account,
// so a login for an unknown email takes as long as one for a known email.
let dummyHash: Promise<string> | null = null;

/** Verifies a password; with no stored hash it still spends the same time and returns false. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** The password rule, shared by setup, invites and password change. */
export const PASSWORD_MIN = 10;
