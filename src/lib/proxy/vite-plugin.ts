import type { Plugin } from 'vite';

/** Mounts the CORS proxy in the Vite dev and preview servers. (Filled in by the proxy work.) */
export function proxyPlugin(): Plugin {
	return { name: 'dropship-desk-proxy' };
}
