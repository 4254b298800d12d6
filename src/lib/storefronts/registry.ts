import type { StorefrontId } from '$lib/domain/storefront';
import type { StorefrontAdapter, StorefrontDeps, StorefrontFactory } from './types';

/**
 * One adapter per store, loaded the first time it is needed: a shop has one web store, and
 * neither adapter is on the app's start path.
 */
const MODULES: Record<StorefrontId, () => Promise<StorefrontFactory>> = {
	shopify: async () => (await import('./shopify')).createShopifyAdapter,
	woocommerce: async () => (await import('./woocommerce')).createWooCommerceAdapter
};

export const createStorefront = async (
	id: StorefrontId,
	deps: StorefrontDeps
): Promise<StorefrontAdapter> => (await MODULES[id]())(deps);
