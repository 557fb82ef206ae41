import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP-grade memory cost); algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Without a stored hash we still spend the time of a verification, so timing tells nothing.
  if (!stored) {
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
