import type Dexie from 'dexie';

/**
 * What the page must say about a schema upgrade in another tab:
 * - `updated-elsewhere`: a newer Dropship Desk opened the database; this tab's connection is
 *   closed (db.ts) and its code targets the old schema, so only a reload helps.
 * - `blocked`: this tab's upgrade waits for an older tab that still holds the database open.
 */
export type UpgradeNotice = 'updated-elsewhere' | 'blocked' | null;

export class DbUpgrade {
	#notice = $state<UpgradeNotice>(null);

	get notice(): UpgradeNotice {
		return this.#notice;
	}

	/** Listens to one connection; returns the function that stops listening. */
	watch(db: Dexie): () => void {
		// Must not return false: the handler in db.ts, added earlier, runs after this one and closes.
		const onVersionChange = () => {
			this.#notice = 'updated-elsewhere';
		};
		const onBlocked = () => {
			if (this.#notice !== 'updated-elsewhere') this.#notice = 'blocked';
		};
		db.on('versionchange', onVersionChange);
		db.on('blocked', onBlocked);
		db.open().then(
			() => {
				if (this.#notice === 'blocked') this.#notice = null;
			},
			// An open that fails is reported by the queries that needed it.
			() => undefined
		);
		return () => {
			db.on('versionchange').unsubscribe(onVersionChange);
			db.on('blocked').unsubscribe(onBlocked);
		};
	}
}
