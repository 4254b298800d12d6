import { getContext, setContext } from 'svelte';
import type { Result } from '$lib/domain/result';
import type { Client } from '$lib/worker-client/client.svelte';
import { Action } from './action.svelte';

/**
 * The page's view of the passphrase lock on saved credentials. The key itself lives in the worker;
 * this only knows whether a lock is set and whether the worker holds its key, and asks again after
 * every change it makes. One instance per app (root layout), shared through context.
 */
export class SecretLock {
	isLockSet = $state(false);
	isUnlocked = $state(false);
	readonly #action = new Action();

	constructor(private readonly client: Pick<Client, 'secrets'>) {}

	get isBusy(): boolean {
		return this.#action.isBusy;
	}

	/** The last refusal, in the dealer's words (wrong passphrase, too short…). */
	get error(): string {
		return this.#action.outcome?.ok === false ? this.#action.outcome.message : '';
	}

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

	private async run(call: () => Promise<Result<unknown>>): Promise<boolean> {
		const result = await this.#action.run(call);
		await this.refresh();
		return result?.ok ?? false;
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
