import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError } from './body.ts';

/**
 * node:http ⇄ web-standard Request/Response, so the proxy and the mail endpoint stay plain
 * `(Request) => Promise<Response>` handlers that run in Vite's servers and on their own.
 */
export interface NodeRequestInfo {
	clientAddress?: string;
}

export type WebHandler = (request: Request, info: NodeRequestInfo) => Promise<Response>;

export interface NodeHandlerOptions {
	/** The server's own origin: request URLs are resolved against it, never against a Host header. */
	origin: () => string;
	/** A backstop for every handler: the body stream errors past this many bytes. */
	maxBodyBytes: number;
}

/**
 * The request body as a web stream that reads no further than the cap. Cancelling it (a handler
 * that stopped at its own cap) drains the rest instead of destroying the socket, so the client
 * still receives the 413.
 */
function bodyStream(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
	let isDone = false;
	let size = 0;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			req.on('data', (chunk: Buffer) => {
				if (isDone) return;
				size += chunk.byteLength;
				if (size > maxBytes) {
					isDone = true;
					controller.error(new BodyTooLargeError('The request body is too large.'));
					return;
				}
				controller.enqueue(new Uint8Array(chunk));
				if ((controller.desiredSize ?? 0) <= 0) req.pause();
			});
			req.on('end', () => {
				if (!isDone) controller.close();
				isDone = true;
			});
			req.on('error', (cause) => {
				if (!isDone) controller.error(cause);
				isDone = true;
			});
		},
		pull() {
			req.resume();
		},
		cancel() {
			isDone = true;
			req.resume();
		}
	});
}

/** A web Request for a node request; null when its target is not a plain path. */
export function toWebRequest(
	req: IncomingMessage,
	options: NodeHandlerOptions,
	signal: AbortSignal
): Request | null {
	const target = req.url ?? '';
	// Only origin-form targets ("/path"): "//host/x" or "http://host/x" would let the client pick
	// the URL's host, so it is never handed to URL resolution.
	if (!target.startsWith('/') || target.startsWith('//')) return null;
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		headers.set(name, Array.isArray(value) ? value.join(', ') : value);
	}
	const method = req.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	const init: RequestInit & { duplex?: 'half' } = {
		method,
		headers,
		signal,
		...(hasBody ? { body: bodyStream(req, options.maxBodyBytes), duplex: 'half' } : {})
	};
	return new Request(options.origin() + target, init);
}

/**
 * Writes a web Response to node:http, chunk by chunk as it comes (the FTP bridge streams a feed of
 * tens of MB), waiting for the socket to drain. A body that fails midway destroys the socket, so
 * the client sees a cut-off answer, never a short one that looks complete.
 */
export async function sendWebResponse(
	res: ServerResponse,
	response: Response,
	isHead = false
): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	if (isHead || response.body === null) {
		await response.body?.cancel();
		res.end();
		return;
	}
	const reader = response.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			if (res.destroyed) return void (await reader.cancel());
			if (!res.write(value))
				await new Promise<void>((resume) => {
					// The client may leave instead: then the socket closes and never drains.
					const done = () => {
						res.off('drain', done);
						res.off('close', done);
						resume();
					};
					res.on('drain', done);
					res.on('close', done);
				});
		}
	} catch (cause) {
		res.destroy();
		throw cause;
	}
	res.end();
}

const json = (status: number, error: string, message: string) =>
	Response.json({ error, message }, { status, headers: { 'x-proxy-stage': 'rejected' } });

/** A node:http request listener for one web handler. It answers every request and never throws. */
export function nodeHandler(
	handle: WebHandler,
	options: NodeHandlerOptions
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
	return async (req, res) => {
		const controller = new AbortController();
		// The client went away before the answer: stop the upstream call too.
		res.on('close', () => {
			if (!res.writableFinished) controller.abort();
		});
		let response: Response;
		const request = toWebRequest(req, options, controller.signal);
		if (request === null) {
			response = json(400, 'bad_target', 'Only plain paths are served.');
		} else {
			try {
				response = await handle(request, { clientAddress: req.socket.remoteAddress });
			} catch (cause) {
				response =
					cause instanceof BodyTooLargeError
						? json(413, 'body_too_large', 'The request is too large.')
						: json(500, 'server_error', 'The server failed.');
			}
		}
		// Whatever the handler left unread is drained (not buffered), so the socket carries the answer.
		if (request?.body && !request.bodyUsed) void request.body.cancel().catch(() => undefined);
		req.resume();
		await sendWebResponse(res, response, req.method === 'HEAD').catch(() => res.destroy());
	};
}
