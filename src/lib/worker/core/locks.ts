/**
 * "Only one tab does this at a time": the tracking refresh and the restart reconciliation run
 * under a Web Lock, so two open tabs never both poll the distributors. A tab that finds the lock
 * taken skips its round; it sees the other tab's results through liveQuery.
 */
export interface Locks {
	/** Runs `job` if no other tab holds `name`; returns null when it was held. */
	runExclusive<T>(name: string, job: () => Promise<T>): Promise<T | null>;
}

export function webLocks(locks: LockManager, scope: string): Locks {
	return {
		runExclusive: async (name, job) => {
			let ran = false;
			const result = await locks.request(
				`dropship-desk:${scope}:${name}`,
				{ ifAvailable: true },
				async (lock) => {
					if (!lock) return null;
					ran = true;
					return job();
				}
			);
			return ran ? result : null;
		}
	};
}

/** For tests and for browsers without Web Locks: the same contract within one process. */
export function memoryLocks(): Locks {
	const held = new Set<string>();
	return {
		runExclusive: async (name, job) => {
			if (held.has(name)) return null;
			held.add(name);
			try {
				return await job();
			} finally {
				held.delete(name);
			}
		}
	};
}
