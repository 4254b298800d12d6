import { getContext, setContext } from 'svelte';
import type { Client } from '$lib/worker-client/client.svelte';

/**
 * The page's view of the passphrase lock on saved credentials. The key itself lives in the worker;
 * this only knows whether a lock is set and whether the worker holds its key, and asks again after
 * every change it makes. One instance per app (root layout), shared through context.
 */
export class SecretLock {
	isLockSet = $state(false);
	isUnlocked = $state(false);
	isBusy = $state(false);
	/** The last refusal, in the dealer's words (wrong passphrase, too short…). */
	error = $state('');

	constructor(private readonly client: Pick<Client, 'secrets'>) {}

	get isLocked(): boolean {
		return this.isLockSet && !this.isUnlocked;
	}

	async refresh(): Promise<void> {
		const status = await this.client.secrets.status({});
		if (status.ok) {
			this.isLockSet = status.value.isLockSet;
			this.isUnlocked = status.value.isUnlocked;
		}
	}

	private async run(
		call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>
	): Promise<boolean> {
		this.isBusy = true;
		this.error = '';
		try {
			const result = await call();
			if (!result.ok) this.error = result.error.message;
			await this.refresh();
			return result.ok;
		} finally {
			this.isBusy = false;
		}
	}

	unlock(passphrase: string): Promise<boolean> {
		return this.run(() => this.client.secrets.unlock({ passphrase }));
	}

	lock(): Promise<boolean> {
		return this.run(() => this.client.secrets.lock({}));
	}

	setPassphrase(passphrase: string): Promise<boolean> {
		return this.run(() => this.client.secrets.setPassphrase({ passphrase }));
	}

	removePassphrase(passphrase: string): Promise<boolean> {
		return this.run(() => this.client.secrets.removePassphrase({ passphrase }));
	}
}

const KEY = Symbol('secret-lock');

export function setSecretLock(lock: SecretLock): void {
	setContext(KEY, lock);
}

export function getSecretLock(): SecretLock {
	const lock = getContext<SecretLock | undefined>(KEY);
	if (!lock) throw new Error('getSecretLock() called outside the app layout');
	return lock;
}
