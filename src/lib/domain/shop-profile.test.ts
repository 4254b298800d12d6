import { describe, expect, it } from 'vitest';
import { DISTRIBUTOR_IDS } from './distributor';
import { PO_MAX_LENGTH } from './po-number';
import { checkShopProfile, poPrefixProblem, type ShopProfileInput } from './shop-profile';

const valid: ShopProfileInput = {
	name: 'Acme Powersports',
	poPrefix: 'acme',
	replyTo: 'parts@acme-powersports.com',
	phone: '208-555-0142',
	marginWarnPercent: 12,
	trackingIntervalMinutes: 30,
	defaultShippingMethod: 'ground'
};

const everyone = { enabled: DISTRIBUTOR_IDS, nextSequence: 1 };

describe('the shop profile', () => {
	it('accepts a real shop, upper-cases the prefix and shows the next PO number', () => {
		const checked = checkShopProfile(valid, { enabled: ['wps'], nextSequence: 42 });
		expect(checked).toEqual({
			ok: true,
			value: { ...valid, poPrefix: 'ACME' },
			nextPoNumber: 'ACME000042'
		});
	});

	it('says every bad field in words, not only the first', () => {
		const checked = checkShopProfile(
			{
				...valid,
				name: ' ',
				poPrefix: 'AC ME',
				replyTo: 'parts at acme',
				marginWarnPercent: 120,
				trackingIntervalMinutes: 1
			},
			everyone
		);
		expect(checked).toEqual({
			ok: false,
			problems: {
				name: 'Shop name is required.',
				poPrefix: 'PO prefix can use only letters, digits and dashes.',
				replyTo: 'Reply-to is not an email address.',
				marginWarnPercent: 'Margin warning cannot be above 100%.',
				trackingIntervalMinutes:
					'Tracking refresh must be at least 5 minutes: the distributors limit how often we ask.'
			}
		});
	});

	it('never takes the demo dealer identity: prefix RL, its name, a reply-to nobody can answer', () => {
		const checked = checkShopProfile(
			{
				...valid,
				name: 'Ridge Line Powersports',
				poPrefix: 'rl',
				replyTo: 'parts@ridgeline.example'
			},
			everyone
		);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.poPrefix).toBe("RL is the demo dealer's PO prefix; choose your own.");
		expect(checked.problems.name).toMatch(/demo dealer/);
		expect(checked.problems.replyTo).toMatch(/ridgeline\.example/);
	});

	it('keeps the optional fields optional: an empty reply-to or phone is left out', () => {
		const checked = checkShopProfile({ ...valid, replyTo: '', phone: '' }, everyone);
		expect(checked.ok && checked.value.replyTo).toBeUndefined();
		expect(checked.ok && checked.value.phone).toBeUndefined();
	});

	it('checks the return address as an address', () => {
		const checked = checkShopProfile(
			{
				...valid,
				returnAddress: {
					name: 'Acme Returns',
					line1: '1 Main St',
					city: 'Boise',
					state: 'ZZ',
					postalCode: '83702'
				}
			},
			everyone
		);
		expect(checked).toEqual({
			ok: false,
			problems: { 'returnAddress.state': 'is not a US state code' }
		});
	});
});

describe('the PO prefix against every enabled distributor', () => {
	it('is checked against the shortest limit among the enabled distributors', () => {
		// 15 characters + 6 digits = 21: Automatic takes 22, the other three 20.
		const prefix = 'ACMEPOWERSPORTS';
		expect(poPrefixProblem(prefix, 1, ['automatic'])).toBeNull();
		for (const id of ['wps', 'pu', 'tucker'] as const) {
			expect(PO_MAX_LENGTH[id]).toBe(20);
			expect(poPrefixProblem(prefix, 1, ['automatic', id])).toMatch(
				/at most 20 characters; your next one, ACMEPOWERSPORTS000001, would have 21\. Use a prefix of at most 14 characters\./
			);
		}
		expect(poPrefixProblem(prefix, 1, ['wps'])).toMatch(/^Western Power Sports takes/);
	});

	it('counts the sequence as it will be sent: a seven-digit sequence leaves less room', () => {
		expect(poPrefixProblem('ACMEPOWERSPORT', 999_999, ['wps'])).toBeNull();
		expect(poPrefixProblem('ACMEPOWERSPORT', 1_000_000, ['wps'])).toMatch(
			/ACMEPOWERSPORT1000000, would have 21\. Use a prefix of at most 13 characters\./
		);
	});

	it('checks all four while no distributor is enabled yet', () => {
		const alone = checkShopProfile(
			{ ...valid, poPrefix: 'ACMEPOWERSPORTS' },
			{
				enabled: [],
				nextSequence: 1
			}
		);
		expect(alone.ok).toBe(false);
		const automaticOnly = checkShopProfile(
			{ ...valid, poPrefix: 'ACMEPOWERSPORTS' },
			{
				enabled: ['automatic'],
				nextSequence: 1
			}
		);
		expect(automaticOnly.ok).toBe(true);
	});
});
