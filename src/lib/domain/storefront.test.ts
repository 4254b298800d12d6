import { describe, expect, it } from 'vitest';
import { buyerEmailNote, whoTellsBuyer } from './storefront';

describe('who tells the buyer', () => {
	it('a store order is told by what the dealer chose for that store; any other by our email', () => {
		const woo = { storefrontId: 'woocommerce' as const, notifier: 'store' as const };
		expect(whoTellsBuyer({ store: { storefrontId: 'woocommerce' } }, woo)).toBe('store');
		expect(whoTellsBuyer({ store: { storefrontId: 'shopify' } }, woo)).toBe('smtp');
		expect(whoTellsBuyer({}, woo)).toBe('smtp');
		expect(whoTellsBuyer({ store: { storefrontId: 'woocommerce' } }, null)).toBe('smtp');
	});

	it("warns a WooCommerce dealer who chose our email about the store's own Completed order email", () => {
		const note = buyerEmailNote('woocommerce', 'smtp');
		expect(note.isWarning).toBe(true);
		expect(note.text).toContain('"Completed order" email');
		expect(note.text).toContain('WooCommerce › Settings › Emails');
		expect(note.text).toContain('choose "WooCommerce"');
		for (const [store, notifier] of [
			['woocommerce', 'store'],
			['shopify', 'smtp'],
			['shopify', 'store']
		] as const)
			expect(buyerEmailNote(store, notifier)).toEqual({
				isWarning: false,
				text: 'One email per shipment: the other one stays silent.'
			});
	});
});
