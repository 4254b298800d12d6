import type { DistributorId } from '$lib/domain/distributor';
import { createPartsUnlimitedAdapter } from './parts-unlimited';
import type { AdapterDeps, AdapterFactory, DistributorAdapter } from './types';
import { createWpsAdapter } from './wps';

/** One adapter factory per distributor. */
const FACTORIES: Partial<Record<DistributorId, AdapterFactory>> = {
	wps: (deps) => createWpsAdapter(deps),
	pu: (deps) => createPartsUnlimitedAdapter(deps)
};

export type AdapterRegistry = (id: DistributorId, deps: AdapterDeps) => DistributorAdapter | null;

export const createAdapter: AdapterRegistry = (id, deps) => FACTORIES[id]?.(deps) ?? null;
