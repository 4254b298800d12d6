import type { DropshipDb } from '$lib/db/schema';
import { err, ok, type Result } from '$lib/domain/result';
import { PassphraseSealed } from '$lib/domain/sealed';
import {
	deriveKey,
	encryptText,
	fromBase64,
	newSalt,
	openWithKey,
	sealWithKey
} from './passphrase';

/**
 * Secrets at rest: distributor API keys and the SMTP password are sealed with AES-GCM. By default
 * under a non-extractable key that lives in IndexedDB (it can be used, never read out); with a
 * passphrase lock, under a key derived from the dealer's passphrase that lives in this worker's
 * memory only (secret-lock.ts switches between the two). Each seal has a fresh IV, and the record
 * it belongs to (e.g. "wps:apiToken") as additional data, so a ciphertext copied onto another row
 * does not open.
 */
export interface Sealed {
	iv: string;
	ct: string;
}

const KEY_ROW = 'secretKey';
/** Present while a passphrase lock is set: the KDF parameters and a check value, never the key. */
export const LOCK_ROW = 'secretLock';
const CHECK_CONTEXT = 'secret-lock:check';
const CHECK_TEXT = 'dropship-desk';

export const LOCKED_MESSAGE =
	'Your saved credentials are locked. Unlock with your passphrase (the form at the top of the page) and try again.';
export const WRONG_PASSPHRASE =
	'That passphrase is not the one your credentials are locked with. Nothing was unlocked.';

export class SecretBox {
	private deviceKey: Promise<CryptoKey> | null = null;
	/** The passphrase key, once unlocked; tied to the salt it was derived with. */
	private unlocked: { salt: string; key: CryptoKey } | null = null;

	constructor(private readonly db: DropshipDb) {}

	private async loadDeviceKey(): Promise<CryptoKey> {
		const stored = (await this.db.settings.get(KEY_ROW))?.value;
		if (stored instanceof CryptoKey) return stored;
		const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
			'encrypt',
			'decrypt'
		]);
		// Two tabs may race to create the key: keep whichever was stored first.
		return this.db.transaction('rw', this.db.settings, async () => {
			const again = (await this.db.settings.get(KEY_ROW))?.value;
			if (again instanceof CryptoKey) return again;
			await this.db.settings.put({ key: KEY_ROW, value: key });
			return key;
		});
	}

	/** The device key, whether or not a lock is set (secret-lock.ts re-seals with it). */
	getDeviceKey(): Promise<CryptoKey> {
		this.deviceKey ??= this.loadDeviceKey();
		return this.deviceKey;
	}

	async readLock(): Promise<PassphraseSealed | null> {
		const parsed = PassphraseSealed.safeParse((await this.db.settings.get(LOCK_ROW))?.value);
		return parsed.success ? parsed.data : null;
	}

	/** The key secrets are sealed with now; `locked` while a lock is set and not unlocked here. */
	async currentKey(): Promise<Result<CryptoKey>> {
		const lock = await this.readLock();
		if (!lock) return ok(await this.getDeviceKey());
		if (this.unlocked?.salt === lock.salt) return ok(this.unlocked.key);
		return err('locked', LOCKED_MESSAGE);
	}

	async status(): Promise<{ isLockSet: boolean; isUnlocked: boolean }> {
		const lock = await this.readLock();
		return {
			isLockSet: lock !== null,
			isUnlocked: lock !== null && this.unlocked?.salt === lock.salt
		};
	}

	/** Derives the key and checks it against the lock row. `auth` for a wrong passphrase. */
	async unlock(passphrase: string): Promise<Result<void>> {
		const lock = await this.readLock();
		if (!lock) return ok();
		const key = await deriveKey(passphrase, fromBase64(lock.salt), lock.iter);
		if ((await openWithKey(key, lock, CHECK_CONTEXT)) !== CHECK_TEXT) {
			return err('auth', WRONG_PASSPHRASE);
		}
		this.unlocked = { salt: lock.salt, key };
		return ok();
	}

	/** Forgets the passphrase key; the secrets stay sealed until the next unlock. */
	lock(): void {
		this.unlocked = null;
	}

	/** A fresh salt and key for a new passphrase, and the lock row to store with the re-sealed data. */
	async newLock(passphrase: string): Promise<{ key: CryptoKey; row: PassphraseSealed }> {
		const salt = newSalt();
		const key = await deriveKey(passphrase, salt);
		return { key, row: await sealWithKey(key, salt, CHECK_TEXT, CHECK_CONTEXT) };
	}

	/** Call once the lock row is committed: this worker stays unlocked with the new key. */
	remember(row: PassphraseSealed | null, key: CryptoKey | null): void {
		this.unlocked = row && key ? { salt: row.salt, key } : null;
	}

	/** `locked` while the passphrase key is not in memory. */
	async seal(plaintext: string, context: string, key?: CryptoKey): Promise<Result<Sealed>> {
		const current = key ? ok(key) : await this.currentKey();
		if (!current.ok) return current;
		return ok(await encryptText(current.value, plaintext, context));
	}

	/**
	 * `locked` while locked; `auth` (in the dealer's words) when the secret cannot be opened:
	 * damaged, or from elsewhere.
	 */
	async open(
		sealed: Sealed,
		context: string,
		label: string,
		key?: CryptoKey
	): Promise<Result<string>> {
		const current = key ? ok(key) : await this.currentKey();
		if (!current.ok) return current;
		const plain = await openWithKey(current.value, sealed, context);
		return plain === null
			? err(
					'auth',
					`The saved ${label} could not be read (it is damaged or was saved in another browser). Please enter it again.`
				)
			: ok(plain);
	}
}

/** What the pages may see of a secret: its last four characters. */
export function secretHint(secret: string): string {
	return `••••••${secret.slice(-4)}`;
}
