/**
 * Bodies are read with a cap so neither a client nor a distributor can make the proxy hold more
 * than it was configured for (PROXY-4): reading stops at the first byte over the limit.
 */
export class BodyTooLargeError extends Error {
	override name = 'BodyTooLargeError';
}

/** True when a declared Content-Length already exceeds `max` (nothing needs to be read). */
export function isDeclaredTooLarge(headers: Headers, max: number): boolean {
	const declared = Number(headers.get('content-length') ?? '');
	return Number.isFinite(declared) && declared > max;
}

/**
 * Reads `body` whole; returns 'too_large' (and cancels the rest) past `max` bytes, or when the
 * stream itself reports BodyTooLargeError. Other stream errors are thrown.
 */
export async function readCapped(
	body: ReadableStream<Uint8Array> | null,
	max: number
): Promise<Uint8Array<ArrayBuffer> | 'too_large'> {
	if (body === null) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > max) {
				void reader.cancel().catch(() => undefined);
				return 'too_large';
			}
			chunks.push(value);
		}
	} catch (cause) {
		if (cause instanceof BodyTooLargeError) return 'too_large';
		throw cause;
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
