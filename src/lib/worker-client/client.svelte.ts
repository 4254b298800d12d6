import * as Comlink from 'comlink';
import type { WorkerApi } from '$lib/worker/api';

/**
 * The page's handle on the worker. Every argument goes through `$state.snapshot` once, here: a
 * Svelte `$state` proxy cannot be structured-cloned (DataCloneError), a plain snapshot can.
 */
export type Client = {
	[N in keyof WorkerApi]: {
		[M in keyof WorkerApi[N]]: WorkerApi[N][M] extends (input: infer I) => Promise<infer R>
			? (input: I) => Promise<R>
			: never;
	};
};

export function wrapRemote(remote: Comlink.Remote<WorkerApi>): Client {
	return new Proxy({} as Client, {
		get(_, namespace: string) {
			return new Proxy(
				{},
				{
					get(__, method: string) {
						return (input: unknown) => {
							const target = (
								remote as unknown as Record<string, Record<string, (i: unknown) => unknown>>
							)[namespace]?.[method];
							if (!target) throw new Error(`No worker method ${namespace}.${method}`);
							return target($state.snapshot(input));
						};
					}
				}
			);
		}
	});
}
