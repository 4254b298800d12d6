import type { AdapterDeps } from '$lib/distributors/types';

/**
 * A `fetch` that answers from witness fixtures, so the contract tests feed the shapes public
 * clients read straight to an adapter, with no simulator in between. Each route matches the
 * request's method and URL; the first match answers. An unmatched request fails the test loudly.
 * Only tests import this.
 */
export interface FixtureRoute {
	method?: string;
	/** Matched against the full URL. */
	url: RegExp;
	body: unknown;
	status?: number;
	headers?: Record<string, string>;
}

export interface FixtureFetch {
	fetch: typeof fetch;
	/** Every request the adapter sent, in order. */
	requests: Request[];
}

export function fixtureFetch(routes: readonly FixtureRoute[]): FixtureFetch {
	const requests: Request[] = [];
	const fetchFn: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		requests.push(request.clone());
		const route = routes.find(
			(r) => (r.method ?? 'GET') === request.method && r.url.test(request.url)
		);
		if (!route) throw new Error(`No fixture for ${request.method} ${request.url}`);
		return new Response(typeof route.body === 'string' ? route.body : JSON.stringify(route.body), {
			status: route.status ?? 200,
			headers: { 'content-type': 'application/json', ...route.headers }
		});
	};
	return { fetch: fetchFn, requests };
}

/** Adapter deps over a fixture fetch at a fixed clock. */
export function fixtureDeps(
	fetchFn: typeof fetch,
	credentials: AdapterDeps['credentials'],
	now = new Date('2025-03-06T12:00:00Z')
): AdapterDeps {
	return { fetch: fetchFn, credentials, timeoutMs: 1_000, now: () => now };
}
