import type { DistributorId } from '$lib/domain/distributor';
import type { AdapterDeps, AdapterFactory, DistributorAdapter } from './types';

/** One adapter factory per distributor. */
const FACTORIES: Partial<Record<DistributorId, AdapterFactory>> = {};

export type AdapterRegistry = (id: DistributorId, deps: AdapterDeps) => DistributorAdapter | null;

export const createAdapter: AdapterRegistry = (id, deps) => FACTORIES[id]?.(deps) ?? null;
