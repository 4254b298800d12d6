import * as Comlink from 'comlink';
import type { WorkerApi } from '$lib/worker/api';

/**
 * The page's handle on the worker. Every argument goes through `$state.snapshot` once, here: a
 * Svelte `$state` proxy cannot be structured-cloned (DataCloneError), a plain snapshot can. Each
 * call waits for `ready` (see start.ts), so a page may ask as soon as it shows: on a warm start the
 * app renders from its own reads while the worker is still loading.
 */
export type Client = {
	[N in keyof WorkerApi]: {
		[M in keyof WorkerApi[N]]: WorkerApi[N][M] extends (input: infer I) => Promise<infer R>
			? (input: I) => Promise<R>
			: never;
	};
};

export function wrapRemote(
	remote: Comlink.Remote<WorkerApi>,
	ready: Promise<{ ok: boolean }> = Promise.resolve({ ok: true })
): Client {
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
							// Snapshot now: the caller's state may change while the worker opens.
							const snapshot = $state.snapshot(input);
							return ready.then((isReady) => {
								if (!isReady.ok) throw new Error('The app could not open its data.');
								return target(snapshot);
							});
						};
					}
				}
			);
		}
	});
}
