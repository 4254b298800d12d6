import { describe, expect, it } from 'vitest';
import {
	readLineFulfilment,
	readStoreState,
	storeHold,
	type StorePolicy,
	type StoreStatusInput
} from './store-state';

const strict: StorePolicy = { isAuthorizedShippable: false };
const allowAuthorized: StorePolicy = { isAuthorizedShippable: true };
const hold = (input: StoreStatusInput, policy = strict) =>
	storeHold(readStoreState(input), policy, 'America/New_York');
const shopify = (financialStatus: string, fulfillmentStatus = '', cancelledAt = '') =>
	({ store: 'shopify', financialStatus, fulfillmentStatus, cancelledAt }) as const;

describe('the store state of a Shopify order', () => {
	// Every financial status Shopify writes (CSV words and Admin API enums) on an open order.
	it.each([
		['paid', null],
		['PAID', null],
		['partially_paid', null],
		['PARTIALLY_PAID', null],
		['pending', 'Payment pending in the store'],
		['PENDING', 'Payment pending in the store'],
		['authorized', 'Payment only authorized in the store, not captured'],
		['AUTHORIZED', 'Payment only authorized in the store, not captured'],
		['expired', 'Payment authorization expired in the store'],
		['refunded', 'Refunded in the store'],
		['voided', 'Payment voided in the store'],
		['VOIDED', 'Payment voided in the store'],
		['partially_refunded', 'Partly refunded in the store: check there what still ships'],
		[
			'chargeback',
			'The store says "chargeback · unfulfilled", which this app does not know: check the order there'
		]
	])('financial status %s → %s', (financial, reason) => {
		expect(hold(shopify(financial, 'unfulfilled'))).toBe(reason);
	});

	// Every fulfilment status on a paid order: CSV words, blank, and the Admin API's display enums.
	it.each([
		['', null],
		['unfulfilled', null],
		['UNFULFILLED', null],
		['OPEN', null],
		['PENDING_FULFILLMENT', null],
		['REQUEST_DECLINED', null],
		// Some lines are still open: the lines decide, not the order.
		['partial', null],
		['PARTIALLY_FULFILLED', null],
		['fulfilled', 'Already fulfilled in the store'],
		['FULFILLED', 'Already fulfilled in the store'],
		['restocked', 'Restocked in the store'],
		['ON_HOLD', 'Fulfilment on hold in the store'],
		['SCHEDULED', 'Scheduled for later fulfilment in the store'],
		['IN_PROGRESS', 'Being fulfilled in the store'],
		[
			'teleported',
			'The store says "paid · teleported", which this app does not know: check the order there'
		]
	])('fulfilment status %s → %s', (fulfilment, reason) => {
		expect(hold(shopify('paid', fulfilment))).toBe(reason);
	});

	it('says a cancellation first, with its date in the dealer’s time zone', () => {
		const cancelled = shopify('voided', 'unfulfilled', '2026-12-04 10:15:00 -0500');
		expect(readStoreState(cancelled)).toMatchObject({
			isCancelled: true,
			cancelledAt: '2026-12-04T15:15:00.000Z',
			payment: 'voided'
		});
		expect(hold(cancelled)).toBe('Cancelled in the store on Dec 4');
		// Cancelled and refunded, cancelled and paid: still cancelled.
		expect(hold(shopify('refunded', '', '2026-12-04T23:30:00Z'))).toBe(
			'Cancelled in the store on Dec 4'
		);
		expect(hold(shopify('paid', 'fulfilled', '2026-12-05T01:00:00Z'))).toBe(
			'Cancelled in the store on Dec 4'
		);
	});

	it('ships an authorized payment only when the dealer allows it', () => {
		expect(hold(shopify('authorized'), strict)).toMatch(/only authorized/);
		expect(hold(shopify('authorized'), allowAuthorized)).toBeNull();
		// The setting allows authorized, nothing else.
		expect(hold(shopify('pending'), allowAuthorized)).toBe('Payment pending in the store');
	});

	it('keeps the store’s own words', () => {
		expect(readStoreState(shopify('paid', '')).statusText).toBe('paid · unfulfilled');
		expect(readStoreState(shopify('PAID', 'PARTIALLY_FULFILLED')).statusText).toBe(
			'PAID · PARTIALLY_FULFILLED'
		);
	});

	it('holds nothing for an order with no store state (typed by hand)', () => {
		expect(storeHold(undefined, strict)).toBeNull();
	});

	it.each([
		['fulfilled', 'fulfilled'],
		['restocked', 'fulfilled'],
		['partial', 'partial'],
		['pending', 'open'],
		['', 'open'],
		[undefined, 'open']
	])('line fulfilment %s → %s', (status, line) => {
		expect(readLineFulfilment(status)).toBe(line);
	});
});

describe('the store state of a WooCommerce order', () => {
	// The statuses the storefront sync reads.
	it.each([
		['pending', 'Payment pending in the store', false],
		['on-hold', 'On hold in the store, waiting for payment', false],
		['processing', null, false],
		['completed', 'Already fulfilled in the store', false],
		['cancelled', 'Cancelled in the store', true],
		['refunded', 'Refunded in the store', false],
		['failed', 'Payment failed in the store', false],
		['Processing', null, false],
		[
			'wc-custom-status',
			'The store says "wc-custom-status", which this app does not know: check the order there',
			false
		]
	])('status %s → %s', (status, reason, isCancelled) => {
		const state = readStoreState({ store: 'woocommerce', status });
		expect(state.isCancelled).toBe(isCancelled);
		expect(state.statusText).toBe(status);
		expect(storeHold(state, strict)).toBe(reason);
	});

	it('dates a cancellation when the sync knows when', () => {
		expect(
			hold({ store: 'woocommerce', status: 'cancelled', cancelledAt: '2026-12-04T14:00:00Z' })
		).toBe('Cancelled in the store on Dec 4');
	});
});
