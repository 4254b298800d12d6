import type { Result } from '$lib/domain/result';
import { reportBug } from './bug-report.svelte';

export type Outcome = { ok: boolean; message: string; field?: string };

/**
 * One worker call behind a button or form: whether it is running, and what came of it in the
 * dealer's words. Every form and dialog uses it, so "busy" can never stay on after a call throws
 * (try/finally) and a thrown call — a bug — reaches the bug notice instead of the console alone.
 */
export class Action {
	isBusy = $state(false);
	outcome = $state<Outcome | null>(null);

	/**
	 * Runs `call` unless one is already running. On success the outcome is `done` (a sentence, or
	 * one made from the value; none clears it); on failure, the error's message and field. Returns
	 * the result, or null when it did not run or threw.
	 */
	async run<T>(
		call: () => Promise<Result<T>>,
		done?: string | ((value: T) => string)
	): Promise<Result<T> | null> {
		if (this.isBusy) return null;
		this.isBusy = true;
		this.outcome = null;
		try {
			const result = await call();
			if (result.ok) {
				const message = typeof done === 'function' ? done(result.value) : done;
				this.outcome = message ? { ok: true, message } : null;
			} else {
				this.outcome = {
					ok: false,
					message: result.error.message,
					...(result.error.field ? { field: result.error.field } : {})
				};
			}
			return result;
		} catch (error) {
			reportBug(error);
			this.outcome = {
				ok: false,
				message:
					'Something went wrong inside Dropship Desk, so this was not done. Reload the page and try again.'
			};
			return null;
		} finally {
			this.isBusy = false;
		}
	}

	/**
	 * For a child form that shows its own error: runs `call` and answers null when it worked, else
	 * the sentence to show (a bug included).
	 */
	async attempt(call: () => Promise<Result<unknown>>): Promise<string | null> {
		const result = await this.run(call);
		return result?.ok ? null : (this.outcome?.message ?? null);
	}

	/** A problem found on the page before any call (a field the form checks itself). */
	fail(message: string, field?: string): void {
		this.outcome = { ok: false, message, ...(field ? { field } : {}) };
	}

	clear(): void {
		this.outcome = null;
	}
}
