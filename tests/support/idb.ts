import type { Page } from 'playwright-core';

/**
 * Reads one IndexedDB object store of the app's database straight from the page, with the plain
 * IndexedDB API: what is on disk, not what the app's own code says.
 */
export async function readStore<T = Record<string, unknown>>(
	page: Page,
	store: string
): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('dropship-desk');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction(name, 'readonly').objectStore(name).getAll();
					request.onsuccess = () => {
						db.close();
						resolve(request.result as T[]);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

interface AuditRow {
	operation: string;
	poNumber?: string;
	ok: boolean;
}

/** Order-placing calls made for a PO, by every tab: one per order the distributor received. */
export async function orderCallsFor(page: Page, poNumber: string): Promise<number> {
	const audit = await readStore<AuditRow>(page, 'auditLog');
	return audit.filter(
		(a) =>
			a.poNumber === poNumber &&
			(a.operation === 'placeOrder' || a.operation === 'placeOrder.submit')
	).length;
}

/** Orders the demo simulator holds for a PO (its state is saved in IndexedDB on every change). */
export async function simulatorOrdersFor(page: Page, poNumber: string): Promise<number> {
	const rows = await readStore<{ key: string; value: { orders: { poNumber: string }[] } }>(
		page,
		'simulatorState'
	);
	const snapshot = rows.find((r) => r.key === 'snapshot');
	return snapshot?.value.orders.filter((o) => o.poNumber === poNumber).length ?? 0;
}

/** A PO's state as stored, or undefined while there is no such PO. */
export async function poStateOnDisk(page: Page, poNumber: string): Promise<string | undefined> {
	const pos = await readStore<{ poNumber: string; state: string }>(page, 'purchaseOrders');
	return pos.find((p) => p.poNumber === poNumber)?.state;
}

/** Empties stores of the app's database behind the app's back, as an eviction would. */
export async function clearStores(page: Page, stores: string[]): Promise<void> {
	await page.evaluate(
		(names) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('dropship-desk');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(names, 'readwrite');
					for (const name of names) tx.objectStore(name).clear();
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		stores
	);
}
