import { PBKDF2_MIN_ITERATIONS, type PassphraseSealed } from '$lib/domain/sealed';

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
	Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A non-extractable AES-GCM key from a passphrase: it can be used, never read out. */
export async function deriveKey(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations = PBKDF2_MIN_ITERATIONS
): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passphrase),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

export const newSalt = (): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(16));

/** AES-GCM with a fresh IV every call, `context` bound as additional data. */
export async function encryptText(
	key: CryptoKey,
	plaintext: string,
	context: string
): Promise<{ iv: string; ct: string }> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
		key,
		new TextEncoder().encode(plaintext)
	);
	return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Seals under a key derived from `salt`, recording the KDF parameters beside the ciphertext. */
export async function sealWithKey(
	key: CryptoKey,
	salt: Uint8Array,
	plaintext: string,
	context: string
): Promise<PassphraseSealed> {
	return {
		v: 1,
		kdf: 'PBKDF2-SHA-256',
		iter: PBKDF2_MIN_ITERATIONS,
		salt: toBase64(salt),
		...(await encryptText(key, plaintext, context))
	};
}

/** Seals with a fresh salt, so the same passphrase never gives the same key twice. */
export async function sealWithPassphrase(
	passphrase: string,
	plaintext: string,
	context: string
): Promise<PassphraseSealed> {
	const salt = newSalt();
	return sealWithKey(await deriveKey(passphrase, salt), salt, plaintext, context);
}

/** The plaintext, or null when the key is wrong or the data was changed (AES-GCM says which: neither). */
export async function openWithKey(
	key: CryptoKey,
	sealed: Pick<PassphraseSealed, 'iv' | 'ct'>,
	context: string
): Promise<string | null> {
	try {
		const plain = await crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: fromBase64(sealed.iv),
				additionalData: new TextEncoder().encode(context)
			},
			key,
			fromBase64(sealed.ct)
		);
		return new TextDecoder().decode(plain);
	} catch {
		return null;
	}
}

export async function openWithPassphrase(
	passphrase: string,
	sealed: PassphraseSealed,
	context: string
): Promise<string | null> {
	const key = await deriveKey(passphrase, fromBase64(sealed.salt), sealed.iter);
	return openWithKey(key, sealed, context);
}
