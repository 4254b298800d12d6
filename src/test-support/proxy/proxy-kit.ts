import {
	createProxyHandler,
	type ProxyLogEntry,
	type ProxyOptions
} from '../../lib/proxy/proxy.ts';

/** A proxy with a recording upstream and log, for the proxy's tests. Only tests import this. */
export const APP = 'http://localhost:4173';

export type Upstream = (request: Request) => Response | Promise<Response>;

export const okJson: Upstream = () =>
	Response.json(
		{ data: [] },
		{ headers: { 'set-cookie': 'session=abc; HttpOnly', 'retry-after': '5', 'x-internal': '1' } }
	);

export function setup(options: Partial<ProxyOptions> & { upstream?: Upstream } = {}) {
	const { upstream = okJson, ...rest } = options;
	const sent: Request[] = [];
	const logs: ProxyLogEntry[] = [];
	const handler = createProxyHandler({
		appOrigins: [APP],
		fetch: async (input, init) => {
			const request = new Request(input, init);
			sent.push(request.clone());
			return upstream(request);
		},
		log: (entry) => logs.push(entry),
		...rest
	});
	/** A request from the app's own page (Origin set) unless `headers.origin` says otherwise. */
	const call = (
		path: string,
		init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string>; duplex?: 'half' } = {}
	) =>
		handler(new Request(`${APP}${path}`, { ...init, headers: { origin: APP, ...init.headers } }));
	return { handler, call, sent, logs };
}
