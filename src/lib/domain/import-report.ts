import { lineHold, needsDropship, type LineFacts } from './order';
import { shipToSummary } from './ship-to';
import { storeHold, type StorePolicy, type StoreState } from './store-state';

/**
 * What an order import says to the dealer: each order read, sorted by what it means for them
 * ("ready to drop-ship", "cancelled in the store", …), and one sentence for the whole file.
 */
export type ImportCategory =
	'ready' | 'cancelled' | 'fulfilled' | 'payment' | 'held' | 'nothing_to_ship';

/** What the import did with the order: added it, updated its store state, or left it as it was. */
export type ImportChange = 'new' | 'updated' | 'unchanged';

export interface ImportEntry {
	/** The order's first line in the file (CSV), or its position in the list (JSON). */
	line: number;
	orderNumber: string;
	category: ImportCategory;
	/** The order's line in the report, in words. */
	reason: string;
	change: ImportChange;
}

const WAITING_FOR_PAYMENT = new Set(['pending', 'on_hold', 'authorized']);

/** The category of one order and its reason in words; a ready order abroad says who ships there. */
export function categoriseOrder(
	storeState: StoreState | undefined,
	items: readonly LineFacts[],
	policy: StorePolicy,
	country = 'US'
): { category: ImportCategory; reason: string } {
	const held = storeHold(storeState, policy);
	if (held && storeState) {
		if (storeState.isCancelled) return { category: 'cancelled', reason: held };
		if (storeState.fulfilment === 'fulfilled') return { category: 'fulfilled', reason: held };
		if (WAITING_FOR_PAYMENT.has(storeState.payment)) return { category: 'payment', reason: held };
		return { category: 'held', reason: held };
	}
	const open = items.filter(needsDropship).length;
	const reasons = items.map(lineHold).filter((r): r is string => r !== null);
	if (open === 0) {
		const isAllFulfilled = items.every((i) => i.storeFulfilment === 'fulfilled');
		return isAllFulfilled
			? { category: 'fulfilled', reason: 'Already fulfilled in the store' }
			: { category: 'nothing_to_ship', reason: `Nothing to ship: ${reasons[0] ?? 'no items'}` };
	}
	const notShipping = items.length - open;
	const abroad = shipToSummary(country);
	const notes = [
		notShipping > 0
			? `${notShipping} line${notShipping === 1 ? '' : 's'} not to drop-ship (${reasons.join('; ')})`
			: '',
		abroad ? abroad.charAt(0).toLowerCase() + abroad.slice(1) : ''
	].filter(Boolean);
	return { category: 'ready', reason: ['Ready to drop-ship', ...notes].join('; ') };
}

const PHRASES: Record<ImportCategory, string> = {
	ready: 'ready to drop-ship',
	cancelled: 'cancelled in the store',
	fulfilled: 'already fulfilled',
	payment: 'waiting for payment',
	held: 'not to ship (see below)',
	nothing_to_ship: 'with nothing to ship'
};
const ORDER: readonly ImportCategory[] = [
	'ready',
	'cancelled',
	'fulfilled',
	'payment',
	'held',
	'nothing_to_ship'
];

const orders = (n: number) => `${n} order${n === 1 ? '' : 's'}`;

/**
 * "6 orders read: 3 ready to drop-ship, 1 cancelled in the store, 1 already fulfilled, 1 waiting
 * for payment. 6 new." Refused orders count as read and are listed apart with their line.
 */
export function importSummary(entries: readonly ImportEntry[], refused: number): string {
	const parts = ORDER.map((c) => [c, entries.filter((e) => e.category === c).length] as const)
		.filter(([, n]) => n > 0)
		.map(([c, n]) => `${n} ${PHRASES[c]}`);
	if (refused > 0) parts.push(`${refused} not imported (see below)`);
	const read = entries.length + refused;
	const head =
		read === 0 ? 'No orders in this file.' : `${orders(read)} read: ${parts.join(', ')}.`;
	const count = (change: ImportChange) => entries.filter((e) => e.change === change).length;
	const changes = [
		count('new') > 0 ? `${count('new')} new` : '',
		count('updated') > 0 ? `${count('updated')} updated from the store` : '',
		count('unchanged') > 0 ? `${count('unchanged')} already here, unchanged` : ''
	].filter(Boolean);
	return changes.length > 0 ? `${head} ${capitalise(changes.join(', '))}.` : head;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
