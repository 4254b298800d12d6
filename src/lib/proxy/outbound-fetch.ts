import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { OutboundError, connectOutbound, reasonOf, type OutboundPolicy } from './outbound.ts';

/**
 * A `fetch` whose every connection goes through the outbound guard (outbound.ts): the socket is
 * opened to the checked address, TLS verifies the host name. It never follows redirects (a 3xx
 * comes back as it is, like `redirect: 'manual'`), keeps no connection alive, and rejects like
 * fetch does — a TypeError — with an OutboundError as its `cause`, saying why and whether
 * anything was sent (`phase`).
 */
export function createOutboundFetch(policy: OutboundPolicy): typeof fetch {
	return async (input, init) => {
		const request = new Request(input, init);
		const url = new URL(request.url);
		if (url.protocol !== 'https:' && url.protocol !== 'http:')
			throw new TypeError('fetch failed', {
				cause: new OutboundError('guard', `${url.protocol} is not allowed.`)
			});
		const isTls = url.protocol === 'https:';
		const port = Number(url.port || (isTls ? 443 : 80));
		const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
		const headers: Record<string, string> = { host: url.host };
		request.headers.forEach((value, name) => (headers[name] = value));
		if (body) headers['content-length'] = String(body.byteLength);
		request.signal.throwIfAborted();

		let isConnected = false;
		const answer = await new Promise<IncomingMessage>((resolve, reject) => {
			const outgoing = httpRequest({
				method: request.method,
				path: `${url.pathname}${url.search}`,
				headers,
				signal: request.signal,
				createConnection: (_options, done) => {
					connectOutbound({
						host: url.hostname,
						port,
						policy,
						tls: isTls,
						signal: request.signal
					}).then(
						(socket) => {
							isConnected = true;
							done(null, socket);
						},
						(cause: Error) => done(cause, undefined as never)
					);
					return undefined;
				}
			});
			outgoing.once('response', resolve);
			outgoing.once('error', (cause) => {
				if (request.signal.aborted) return reject(request.signal.reason);
				const failure =
					cause instanceof OutboundError
						? cause
						: new OutboundError(
								reasonOf(cause),
								cause.message,
								isConnected ? 'exchange' : 'connect'
							);
				reject(new TypeError('fetch failed', { cause: failure }));
			});
			outgoing.end(body);
		});

		const responseHeaders = new Headers();
		for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2)
			responseHeaders.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
		const status = answer.statusCode ?? 0;
		const hasNoBody = request.method === 'HEAD' || [204, 205, 304].includes(status);
		if (hasNoBody) answer.resume();
		if (status < 200 || status > 599) {
			answer.destroy();
			throw new TypeError('fetch failed', {
				cause: new OutboundError('network', `Unusable status ${status}.`, 'exchange')
			});
		}
		return new Response(hasNoBody ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>), {
			status,
			headers: responseHeaders
		});
	};
}
