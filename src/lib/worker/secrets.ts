import type { DropshipDb } from '$lib/db/schema';
import { err, ok, type Result } from '$lib/domain/result';

/**
 * Secrets at rest: distributor API keys and the SMTP password are sealed with AES-GCM under a
 * non-extractable key that lives in IndexedDB (it can be used, never read out). Each seal has a
 * fresh IV, and the record it belongs to (e.g. "wps:apiToken") as additional data, so a
 * ciphertext copied onto another row does not open.
 */
export interface Sealed {
	iv: string;
	ct: string;
}

const KEY_ROW = 'secretKey';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export class SecretBox {
	private key: Promise<CryptoKey> | null = null;

	constructor(private readonly db: DropshipDb) {}

	private async loadKey(): Promise<CryptoKey> {
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

	private getKey(): Promise<CryptoKey> {
		this.key ??= this.loadKey();
		return this.key;
	}

	async seal(plaintext: string, context: string): Promise<Sealed> {
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const ct = await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
			await this.getKey(),
			new TextEncoder().encode(plaintext)
		);
		return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
	}

	/** `auth` (in the dealer's words) when the secret cannot be opened: damaged, or from elsewhere. */
	async open(sealed: Sealed, context: string, label: string): Promise<Result<string>> {
		try {
			const plain = await crypto.subtle.decrypt(
				{
					name: 'AES-GCM',
					iv: fromBase64(sealed.iv),
					additionalData: new TextEncoder().encode(context)
				},
				await this.getKey(),
				fromBase64(sealed.ct)
			);
			return ok(new TextDecoder().decode(plain));
		} catch {
			return err(
				'auth',
				`The saved ${label} could not be read (it is damaged or was saved in another browser). Please enter it again.`
			);
		}
	}
}

/** What the pages may see of a secret: its last four characters. */
export function secretHint(secret: string): string {
	return `••••••${secret.slice(-4)}`;
}
