import type { Locks } from '../../lib/worker/core/locks';

/**
 * Web Locks as several tabs of one browser see them: one lock table shared by every tab, and a
 * tab's locks released when the tab dies (the browser does that; `memoryLocks` cannot, since a
 * crashed tab's job never finishes).
 */
export class SharedLocks {
	private readonly held = new Map<string, number>();

	forTab(tabId: number): Locks {
		return {
			runExclusive: async (name, job) => {
				if (this.held.has(name)) return null;
				this.held.set(name, tabId);
				try {
					return await job();
				} finally {
					if (this.held.get(name) === tabId) this.held.delete(name);
				}
			}
		};
	}

	releaseAll(tabId: number): void {
		for (const [name, owner] of this.held) if (owner === tabId) this.held.delete(name);
	}
}
