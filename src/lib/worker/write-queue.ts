/**
 * Serialises every write the worker makes: one runs at a time, in the order asked. Reads never
 * wait here. A failure of one job is returned to its caller and does not stop the queue.
 */
export interface WriteQueue {
	run<T>(job: () => Promise<T>): Promise<T>;
	/** Resolves when every job queued so far has finished. */
	idle(): Promise<void>;
}

export function createWriteQueue(): WriteQueue {
	let tail: Promise<unknown> = Promise.resolve();
	return {
		run<T>(job: () => Promise<T>): Promise<T> {
			const next = tail.then(job, job);
			tail = next.catch(() => undefined);
			return next;
		},
		idle: () => tail.then(() => undefined)
	};
}
