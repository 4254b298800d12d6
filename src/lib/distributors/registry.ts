import type { DistributorId } from '$lib/domain/distributor';
import { createAutomaticAdapter } from './automatic';
import { createPartsUnlimitedAdapter } from './parts-unlimited';
import { createTuckerRockyAdapter } from './tucker-rocky';
import type { AdapterDeps, AdapterFactory, DistributorAdapter } from './types';
import { createWpsAdapter } from './wps';

/** One adapter factory per distributor. */
const FACTORIES: Record<DistributorId, AdapterFactory> = {
	wps: (deps) => createWpsAdapter(deps),
	pu: (deps) => createPartsUnlimitedAdapter(deps),
	tucker: (deps) => createTuckerRockyAdapter(deps),
	automatic: (deps) => createAutomaticAdapter(deps)
};

export type AdapterRegistry = (id: DistributorId, deps: AdapterDeps) => DistributorAdapter | null;

export const createAdapter: AdapterRegistry = (id, deps) => FACTORIES[id](deps);
