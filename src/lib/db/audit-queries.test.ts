import { describe, expect, it } from 'vitest';
import type { Observable } from 'dexie';
import type { AuditEntry } from '$lib/domain/audit';
import { bulkStatusCallsQuery, readDb } from './queries';

/** The first value a liveQuery gives. */
function first<T>(observable: Observable<T>): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				resolve(value);
				queueMicrotask(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
	at: '2026-11-20T15:00:00.000Z',
	distributorId: 'wps',
	operation: 'listOrders',
	method: 'GET',
	url: 'https://api.wps-inc.com/orders?from_date=20261119&to_date=20261121',
	status: 200,
	ok: true,
	durationMs: 200,
	...over
});

describe("a PO page's bulk status calls", () => {
	it('lists the latest list calls to its distributor since the PO was placed, newest first', async () => {
		await readDb().auditLog.bulkAdd([
			entry({ at: '2026-11-19T10:00:00.000Z' }),
			entry({ at: '2026-11-20T10:00:00.000Z' }),
			entry({ at: '2026-11-20T11:00:00.000Z', operation: 'placeOrder', poNumber: 'RL1' }),
			entry({ at: '2026-11-20T12:00:00.000Z', distributorId: 'pu' }),
			entry({ at: '2026-11-20T13:00:00.000Z', ok: false, status: 429 }),
			entry({
				at: '2026-11-20T14:00:00.000Z',
				distributorId: 'tucker',
				operation: 'getOrderStatuses'
			})
		]);
		const wps = await first(bulkStatusCallsQuery('wps', '2026-11-20T09:00:00.000Z'));
		expect(wps.map((e) => [e.at, e.ok])).toEqual([
			['2026-11-20T13:00:00.000Z', false],
			['2026-11-20T10:00:00.000Z', true]
		]);
		const tucker = await first(bulkStatusCallsQuery('tucker', '2026-11-20T09:00:00.000Z'));
		expect(tucker).toHaveLength(1);
		expect(await first(bulkStatusCallsQuery('wps', '2026-11-20T09:00:00.000Z', 1))).toHaveLength(1);
	});
});
