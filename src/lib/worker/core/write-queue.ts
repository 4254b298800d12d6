/**
 * Serialises every write the worker makes: one runs at a time, in the order asked. Reads never
 * wait here. A failure of one job is returned to its caller and does not stop the queue.
 */
export interface WriteQueue {
	run<T>(job: () => Promise<T>): Promise<T>;
	/** Resolves when every job queued so far has finished. */
	idle(): Promise<void>;
}

/**
 * With `reopen`, a job that fails because the connection went away under it (the browser closed
 * it, WebKit's "connection lost", an eviction) gets one more try once `reopen` says the database
 * is open again. The job runs again from its start, so it reads afresh: nothing it wrote before
 * the loss is assumed done, and a PO is only sent after its write succeeds.
 */
export function createWriteQueue(
	options: { reopen?: (cause: unknown) => Promise<boolean> } = {}
): WriteQueue {
	let tail: Promise<unknown> = Promise.resolve();
	const attempt = async <T>(job: () => Promise<T>): Promise<T> => {
		try {
			return await job();
		} catch (cause) {
			if (!options.reopen || !isConnectionLost(cause) || !(await options.reopen(cause)))
				throw cause;
			return job();
		}
	};
	return {
		run<T>(job: () => Promise<T>): Promise<T> {
			const run = () => attempt(job);
			const next = tail.then(run, run);
			tail = next.catch(() => undefined);
			return next;
		},
		idle: () => tail.then(() => undefined)
	};
}

/** Dexie's closed database, or the browser dropping the connection mid-transaction. */
export function isConnectionLost(cause: unknown): boolean {
	for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
		const { name, message } = e as { name?: string; message?: string };
		if (name === 'DatabaseClosedError') return true;
		if (
			(name === 'InvalidStateError' || name === 'UnknownError') &&
			/connection|closing|closed/i.test(message ?? '')
		)
			return true;
		e = (e as { inner?: unknown }).inner;
	}
	return false;
}
