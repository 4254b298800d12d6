import type { StorefrontId } from '$lib/domain/storefront';
import { createShopifyAdapter } from './shopify';
import type { StorefrontAdapter, StorefrontDeps, StorefrontFactory } from './types';
import { createWooCommerceAdapter } from './woocommerce';

/** One adapter factory per store. */
const FACTORIES: Record<StorefrontId, StorefrontFactory> = {
	shopify: (deps) => createShopifyAdapter(deps),
	woocommerce: (deps) => createWooCommerceAdapter(deps)
};

export type StorefrontRegistry = (id: StorefrontId, deps: StorefrontDeps) => StorefrontAdapter;

export const createStorefront: StorefrontRegistry = (id, deps) => FACTORIES[id](deps);
