import { describe, expect, it } from 'vitest';
import type { Offer } from './catalog';
import type { DistributorId } from './distributor';
import {
	evaluateOffers,
	judgeOffer,
	toDropshipOption,
	type EligibilityContext,
	type EligibilityItem
} from './eligibility';
import { KNOWN_WAREHOUSES, NEVER_CUTOFF_CENTS, type Warehouse } from './rules';

function offer(over: Partial<Offer> = {}): Offer {
	return {
		distributorId: 'wps',
		sku: '26-1234',
		brand: 'Fly Racing',
		mpn: '350-0111',
		description: 'Fly Racing Kinetic gloves',
		costCents: 2000,
		stock: { CA: 3 },
		...over
	};
}

function warehouses(changes: Record<string, Partial<Warehouse>> = {}): Warehouse[] {
	return KNOWN_WAREHOUSES.map((w) => {
		const id = `${w.distributorId}:${w.code}`;
		return { ...w, id, leadTimeDays: 1, cutoffCents: 2500, ...changes[id] };
	});
}

const ALL: DistributorId[] = ['wps', 'pu', 'tucker', 'automatic'];

function ctx(over: Partial<EligibilityContext> = {}): EligibilityContext {
	return {
		warehouses: warehouses(),
		overrides: [],
		accounts: ALL.map((id) => ({
			id,
			isEnabled: true,
			credentials: {
				apiToken: 't',
				apiKey: 'k',
				dealerNumber: '1',
				customerNumber: '2',
				apiBaseUrl: 'https://ad.example/v2'
			}
		})),
		preference: ['tucker', 'pu', 'wps', 'automatic'],
		productKey: 'FLY RACING|3500111',
		brand: 'Fly Racing',
		...over
	};
}

const item: EligibilityItem = { quantity: 1, unitPriceCents: 4995 };

describe('judgeOffer: every reason', () => {
	const cases: {
		name: string;
		offer?: Partial<Offer>;
		item?: Partial<EligibilityItem>;
		ctx?: Partial<EligibilityContext>;
		isEligible: boolean;
		reason: string | RegExp;
	}[] = [
		{ name: 'eligible', isEligible: true, reason: '3 at Fresno, ships in 1 day' },
		{
			name: 'held by the store (cancelled, unpaid, fulfilled there) or the line',
			item: { hold: 'Cancelled in the store on Dec 4' },
			isEligible: false,
			reason: 'Cancelled in the store on Dec 4'
		},
		{
			name: 'a country the distributor is not known to ship to',
			item: { country: 'CA' },
			isEligible: false,
			reason: 'not known whether Western Power Sports drop-ships to Canada: ask them first'
		},
		{ name: 'a US address', item: { country: 'US' }, isEligible: true, reason: /^3 at Fresno/ },
		{
			name: 'long lead time',
			ctx: { warehouses: warehouses({ 'wps:CA': { leadTimeDays: 3 } }) },
			isEligible: false,
			reason: 'Fresno has 3 but lead time is 3 days'
		},
		{
			name: 'below the cutoff',
			item: { unitPriceCents: 1999 },
			isEligible: false,
			reason: 'below the $25.00 cutoff at Fresno'
		},
		{
			name: 'never drop-ships',
			ctx: { warehouses: warehouses({ 'wps:CA': { cutoffCents: NEVER_CUTOFF_CENTS } }) },
			isEligible: false,
			reason: 'Fresno never drop-ships (cutoff $9,999)'
		},
		{
			name: 'out of stock',
			offer: { stock: { CA: 0, ID: 0 } },
			isEligible: false,
			reason: 'out of stock in the Western Power Sports feed'
		},
		{
			name: 'fewer than ordered',
			item: { quantity: 4 },
			isEligible: false,
			reason: 'Fresno has 3 but 4 are ordered'
		},
		{
			name: 'no credentials',
			offer: { distributorId: 'tucker', stock: { TX: 2 } },
			ctx: {
				accounts: [{ id: 'tucker', isEnabled: true, credentials: { customerNumber: '1' } }]
			},
			isEligible: false,
			reason: 'no Tucker Rocky credentials'
		},
		{
			name: "Automatic's API address not entered",
			offer: { distributorId: 'automatic', stock: { CA: 2 } },
			ctx: { accounts: [{ id: 'automatic', isEnabled: true, credentials: { apiToken: 't' } }] },
			isEligible: false,
			reason: "Automatic's API address is not set"
		},
		{
			name: 'no account at all',
			ctx: { accounts: [] },
			isEligible: false,
			reason: 'no Western Power Sports credentials'
		},
		{
			name: 'distributor turned off',
			ctx: { accounts: [{ id: 'wps', isEnabled: false, credentials: { apiToken: 't' } }] },
			isEligible: false,
			reason: 'Western Power Sports is turned off in Settings'
		},
		{
			name: 'already on a PO',
			item: { poNumber: 'RL-1042' },
			isEligible: false,
			reason: 'already on PO RL-1042'
		},
		{
			name: 'unknown warehouse code',
			offer: { stock: { ZZ: 5 } },
			isEligible: false,
			reason: 'ZZ has 5 but has no inventory rule'
		},
		{
			name: 'a new warehouse from a feed, even with a brand override of 1 day',
			offer: { stock: { ZZ: 5 } },
			ctx: {
				warehouses: [
					...warehouses(),
					{
						id: 'wps:ZZ',
						distributorId: 'wps',
						code: 'ZZ',
						name: 'ZZ',
						leadTimeDays: 1,
						cutoffCents: 0,
						isNew: true
					}
				],
				overrides: [{ id: 'o9', kind: 'brand', key: 'FLY RACING', leadTimeDays: 1 }]
			},
			isEligible: false,
			reason: 'ZZ has 5 but is new: set its lead time in Inventory rules'
		},
		{
			name: 'a second warehouse qualifies when the first does not',
			offer: { stock: { PA2: 9, CA: 2 } },
			ctx: { warehouses: warehouses({ 'wps:PA2': { leadTimeDays: 3 } }) },
			isEligible: true,
			reason: '2 at Fresno, ships in 1 day'
		},
		{
			name: 'product override lowers the cutoff',
			item: { unitPriceCents: 1999 },
			ctx: {
				overrides: [{ id: 'o1', kind: 'product', key: 'FLY RACING|3500111', cutoffCents: 100 }]
			},
			isEligible: true,
			reason: /Fresno/
		},
		{
			name: 'brand override raises the lead time for one distributor',
			ctx: {
				overrides: [
					{ id: 'o2', kind: 'brand', key: 'FLY RACING', distributorId: 'wps', leadTimeDays: 2 }
				]
			},
			isEligible: false,
			reason: 'Fresno has 3 but lead time is 2 days'
		},
		{
			name: 'brand override for another distributor does not apply',
			ctx: {
				overrides: [
					{ id: 'o3', kind: 'brand', key: 'FLY RACING', distributorId: 'pu', leadTimeDays: 5 }
				]
			},
			isEligible: true,
			reason: /Fresno/
		},
		{
			name: 'product override beats brand override',
			ctx: {
				overrides: [
					{ id: 'o4', kind: 'brand', key: 'FLY RACING', leadTimeDays: 4 },
					{ id: 'o5', kind: 'product', key: 'FLY RACING|3500111', leadTimeDays: 1 }
				]
			},
			isEligible: true,
			reason: /Fresno/
		},
		{
			name: 'feed label in the reason',
			offer: { stock: {} },
			ctx: { feedLabels: { wps: 'the feed of yesterday 06:10', pu: 'the feed of today 06:10' } },
			isEligible: false,
			reason: 'out of stock in the feed of yesterday 06:10'
		}
	];

	it.each(cases)('$name', (c) => {
		const verdict = judgeOffer(offer(c.offer), { ...item, ...c.item }, ctx(c.ctx));
		expect(verdict.isEligible).toBe(c.isEligible);
		if (typeof c.reason === 'string') expect(verdict.reason).toBe(c.reason);
		else expect(verdict.reason).toMatch(c.reason);
	});
});

describe('evaluateOffers: ranking', () => {
	it('ranks by preference order, then landed cost, and explains it; ineligible last', () => {
		const offers = [
			offer({ distributorId: 'wps', sku: 'W1', costCents: 1500 }),
			offer({
				distributorId: 'pu',
				sku: 'P1',
				costCents: 1500,
				dropShipFeeCents: 700,
				stock: { WI: 2 }
			}),
			offer({ distributorId: 'pu', sku: 'P2', costCents: 1400, stock: { NY: 2 } }),
			offer({ distributorId: 'tucker', sku: 'T1', costCents: 1000, stock: { TX: 0 } })
		];
		const verdicts = evaluateOffers(offers, item, ctx());
		expect(verdicts.map((v) => [v.offer.sku, v.rank])).toEqual([
			['P2', 1],
			['P1', 2],
			['W1', 3],
			['T1', undefined]
		]);
		expect(verdicts[0]?.rankReason).toBe(
			'1st: in stock, Parts Unlimited comes first in your preference order ($14.00 landed)'
		);
		expect(verdicts[1]?.rankReason).toBe('2nd: landed cost $22.00 against $14.00');
		expect(verdicts[2]?.rankReason).toBe(
			'3rd: Western Power Sports comes after Parts Unlimited in your preference order'
		);
		expect(verdicts[3]?.reason).toBe('out of stock in the Tucker Rocky feed');
	});

	it('follows a changed preference order', () => {
		const offers = [
			offer({ distributorId: 'pu', sku: 'P1', stock: { WI: 2 } }),
			offer({ distributorId: 'wps', sku: 'W1' })
		];
		const verdicts = evaluateOffers(
			offers,
			item,
			ctx({ preference: ['wps', 'pu', 'tucker', 'automatic'] })
		);
		expect(verdicts.map((v) => v.offer.sku)).toEqual(['W1', 'P1']);
	});

	it('maps a verdict to the Dropship dialog option', () => {
		const [first] = evaluateOffers([offer({ dropShipFeeCents: 700 })], item, ctx());
		expect(first && toDropshipOption(first)).toMatchObject({
			distributorId: 'wps',
			sku: '26-1234',
			dropShipFeeCents: 700,
			stock: 3,
			warehouse: 'Fresno, CA',
			leadTimeDays: 1,
			isEligible: true
		});
	});
});
