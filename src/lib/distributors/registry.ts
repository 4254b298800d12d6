import type { DistributorId } from '$lib/domain/distributor';
import type { AdapterDeps, AdapterFactory, DistributorAdapter } from './types';

/**
 * One adapter per distributor, each loaded the first time it is needed: an adapter's code and its
 * answer schemas are not on the app's start path (the worker's start builds only what the first
 * screen and the catalog need), and a dealer who uses two distributors never loads the other two.
 */
const MODULES: Record<DistributorId, () => Promise<AdapterFactory>> = {
	wps: async () => (await import('./wps')).createWpsAdapter,
	pu: async () => (await import('./parts-unlimited')).createPartsUnlimitedAdapter,
	tucker: async () => (await import('./tucker-rocky')).createTuckerRockyAdapter,
	automatic: async () => (await import('./automatic')).createAutomaticAdapter
};

/** Builds a distributor's adapter; a test's registry may answer at once. */
export type AdapterRegistry = (
	id: DistributorId,
	deps: AdapterDeps
) => DistributorAdapter | null | Promise<DistributorAdapter | null>;

export const createAdapter = async (
	id: DistributorId,
	deps: AdapterDeps
): Promise<DistributorAdapter> => (await MODULES[id]())(deps);
