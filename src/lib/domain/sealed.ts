import { z } from 'zod';

/** OWASP's current figure for PBKDF2-HMAC-SHA256 (reliability.md §4, CRED-1). */
export const PBKDF2_MIN_ITERATIONS = 600_000;

/**
 * Text sealed under a key derived from a passphrase: PBKDF2-SHA-256 over a random 16-byte salt,
 * then AES-GCM-256 with a random 12-byte IV. Everything needed to open it, except the passphrase,
 * travels with it; base64 strings.
 */
export const PassphraseSealed = z.object({
	v: z.literal(1),
	kdf: z.literal('PBKDF2-SHA-256'),
	iter: z.number().int().min(PBKDF2_MIN_ITERATIONS),
	salt: z.string().min(1),
	iv: z.string().min(1),
	ct: z.string().min(1)
});
export type PassphraseSealed = z.infer<typeof PassphraseSealed>;

/** A passphrase the dealer types: long enough that guessing it costs more than the data is worth. */
export const Passphrase = z.string().min(10, 'must be at least 10 characters');
