import { describe, expect, it } from 'vitest';
import { DEMO_DEALER, type ShopProfileInput } from '$lib/domain/shop-profile';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

const profile: ShopProfileInput = {
	name: 'Acme Powersports',
	poPrefix: 'ACME',
	replyTo: 'parts@acme-powersports.com',
	phone: '208-555-0142',
	marginWarnPercent: 12,
	trackingIntervalMinutes: 30,
	defaultShippingMethod: '2day'
};

function shop() {
	const deps = createTestDeps({ workspace: 'shop' });
	return { deps, api: createApi(deps) };
}

describe("the dealer's shop", () => {
	it('starts empty and live: no order, account, feed or warehouse of the demo', async () => {
		const { deps, api } = shop();
		expect(await api.shop.ensureStarted({})).toEqual({
			ok: true,
			value: { mode: 'live', isFirstStart: true }
		});
		for (const table of deps.db.tables.filter((t) => t.name !== 'settings')) {
			expect(await table.count(), table.name).toBe(0);
		}
		const settings = await api.settings.get({});
		expect(settings.ok && settings.value.mode).toBe('live');
		expect(settings.ok && settings.value.dealer.poPrefix).not.toBe(DEMO_DEALER.poPrefix);
		expect(settings.ok && settings.value.dealer.replyTo).toBeUndefined();
		expect(await api.shop.ensureStarted({})).toMatchObject({ value: { isFirstStart: false } });
	});

	it("has no web store connected: the demo's Shopify shop lives in the demo database only", async () => {
		let calls = 0;
		const deps = createTestDeps({
			workspace: 'shop',
			fetch: async () => {
				calls += 1;
				return new Response(null, { status: 500 });
			}
		});
		const api = createApi(deps);
		await api.shop.ensureStarted({});
		expect(await deps.db.settings.get('storefront')).toBeUndefined();
		expect(await api.storefront.sync({})).toEqual({ ok: true, value: { skipped: true } });
		expect(await api.storefront.testConnection({})).toMatchObject({
			ok: false,
			error: { code: 'not_enabled', message: /Connect your web store/ }
		});
		expect(calls).toBe(0);
		const demo = createTestDeps();
		await createApi(demo).demo.ensureStarted({});
		expect(await demo.db.settings.get('storefront')).toMatchObject({
			value: { storefrontId: 'shopify', credentials: { shop: 'ridge-line.myshopify.com' } }
		});
	});

	it('is refused in the demo database, and the demo profile cannot be edited as a shop', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		expect(await api.shop.ensureStarted({})).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
		expect(await api.shop.saveProfile({ profile })).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
	});

	it('saves the profile and shows the next PO number; the next PO uses the prefix', async () => {
		const { deps, api } = shop();
		await api.shop.ensureStarted({});
		expect(await api.shop.saveProfile({ profile: { ...profile, poPrefix: 'acme' } })).toEqual({
			ok: true,
			value: { nextPoNumber: 'ACME000001' }
		});
		const settings = await api.settings.get({});
		expect(settings).toMatchObject({
			ok: true,
			value: {
				dealer: {
					name: 'Acme Powersports',
					poPrefix: 'ACME',
					replyTo: 'parts@acme-powersports.com'
				},
				marginWarnPercent: 12,
				trackingIntervalMinutes: 30,
				defaultShippingMethod: '2day',
				profileSavedAt: deps.now().toISOString()
			}
		});
	});

	it("refuses the demo dealer's identity and a prefix an enabled distributor cannot take, in words", async () => {
		const { deps, api } = shop();
		await api.shop.ensureStarted({});
		expect(await api.shop.saveProfile({ profile: { ...profile, poPrefix: 'RL' } })).toEqual({
			ok: false,
			error: {
				code: 'validation',
				field: 'poPrefix',
				message: "RL is the demo dealer's PO prefix; choose your own."
			}
		});
		await deps.db.distributors.put({
			id: 'wps',
			isEnabled: true,
			credentials: {},
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		});
		const long = await api.shop.saveProfile({
			profile: { ...profile, poPrefix: 'ACMEPOWERSPORTS' }
		});
		expect(long).toMatchObject({ ok: false, error: { field: 'poPrefix' } });
		expect(!long.ok && long.error.message).toMatch(
			/^Western Power Sports takes PO numbers of at most 20/
		);
		const saved = await api.settings.get({});
		expect(saved.ok && saved.value.profileSavedAt).toBeUndefined();
	});
});
