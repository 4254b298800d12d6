import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * node:http ⇄ web-standard Request/Response, so the proxy and the mail endpoint are plain
 * `(Request) => Promise<Response>` handlers that run in Vite's servers and on their own.
 */
export async function toWebRequest(
	req: IncomingMessage,
	origin: string,
	maxBytes: number
): Promise<Request | 'too_large'> {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		headers.set(name, Array.isArray(value) ? value.join(', ') : value);
	}
	const method = req.method ?? 'GET';
	let body: Buffer | undefined;
	if (method !== 'GET' && method !== 'HEAD') {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			// Stop reading past the cap: the handler answers 413 without buffering the rest.
			if (size > maxBytes) return 'too_large';
			chunks.push(chunk as Buffer);
		}
		body = Buffer.concat(chunks);
	}
	return new Request(new URL(req.url ?? '/', origin), {
		method,
		headers,
		...(body ? { body: new Uint8Array(body) } : {})
	});
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	res.end(Buffer.from(await response.arrayBuffer()));
}

/** Mounts a handler on node:http for paths under `prefix`; others go to `next`. */
export function nodeHandler(
	handle: (request: Request) => Promise<Response>,
	origin: () => string,
	maxBytes: number
): (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void> {
	return async (req, res) => {
		const request = await toWebRequest(req, origin(), maxBytes);
		if (request === 'too_large') {
			res.writeHead(413, { 'content-type': 'application/json', 'x-proxy-stage': 'rejected' });
			res.end(JSON.stringify({ error: 'body_too_large', message: 'The request is too large.' }));
			req.resume();
			return;
		}
		await sendWebResponse(res, await handle(request));
	};
}
