import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdapterAuditEntry } from './types';
import { commonHttpError, parseBody, parseRetryAfter, send } from './http';

const deps = (fetch: typeof globalThis.fetch, audit: AdapterAuditEntry[] = []) => ({
	fetch,
	credentials: {},
	timeoutMs: 50,
	audit: (entry: AdapterAuditEntry) => audit.push(entry)
});

describe('send', () => {
	it('returns the parsed body and audits the call with the key masked', async () => {
		const audit: AdapterAuditEntry[] = [];
		const answer = await send(
			deps(async () => Response.json({ ok: 1 }), audit),
			'Tucker Rocky',
			{
				operation: 'stock',
				method: 'GET',
				url: 'https://api.tucker.com/bin/trws?apikey=CANARYKEY&cust=123456&type=INV'
			}
		);
		expect(answer).toMatchObject({ ok: true, value: { status: 200, json: { ok: 1 } } });
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit)).not.toContain('CANARYKEY');
		expect(audit[0]?.url).toContain('apikey=***');
	});

	it('turns a timeout and a dropped connection into transient failures', async () => {
		const hang: typeof fetch = (_input, init) =>
			new Promise((_, reject) =>
				init?.signal?.addEventListener('abort', () =>
					reject(new DOMException('aborted', 'AbortError'))
				)
			);
		const slow = await send(deps(hang), 'WPS', {
			operation: 'stock',
			method: 'GET',
			url: 'https://api.wps-inc.com/items'
		});
		expect(slow).toMatchObject({
			ok: false,
			error: { code: 'transient', message: 'WPS did not answer in time.' }
		});
		const dropped = await send(
			deps(async () => Promise.reject(new TypeError('Failed to fetch'))),
			'WPS',
			{
				operation: 'stock',
				method: 'GET',
				url: 'https://api.wps-inc.com/items'
			}
		);
		expect(dropped).toMatchObject({ ok: false, error: { code: 'transient' } });
	});

	it('maps 429 with Retry-After and 5xx; a body off its schema is protocol', async () => {
		const limited = await send(
			deps(
				async () => new Response('slow down', { status: 429, headers: { 'retry-after': '60' } })
			),
			'WPS',
			{ operation: 'stock', method: 'GET', url: 'https://api.wps-inc.com/items' }
		);
		expect(limited.ok && commonHttpError(limited.value, 'WPS')).toMatchObject({
			ok: false,
			error: { code: 'rate_limited', retryAfterMs: 60_000 }
		});
		const broken = await send(
			deps(async () => new Response('<html>', { status: 503 })),
			'WPS',
			{
				operation: 'stock',
				method: 'GET',
				url: 'https://api.wps-inc.com/items'
			}
		);
		expect(broken.ok && commonHttpError(broken.value, 'WPS')).toMatchObject({
			ok: false,
			error: { code: 'transient' }
		});
		const odd = await send(
			deps(async () => Response.json({ data: 'x' })),
			'WPS',
			{
				operation: 'stock',
				method: 'GET',
				url: 'https://api.wps-inc.com/items'
			}
		);
		expect(
			odd.ok && parseBody(z.object({ data: z.array(z.string()) }), odd.value, 'WPS')
		).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
	});
});

describe("the proxy's word that it never got through", () => {
	const call = { operation: 'stock', method: 'GET', url: 'https://api.wps-inc.com/items' } as const;
	const fromProxy = (reason: string) =>
		deps(
			async () =>
				new Response('{"error":"upstream_unreachable"}', {
					status: 502,
					headers: { 'x-proxy-stage': 'rejected', 'x-proxy-reason': reason }
				})
		);

	it('is "could not reach", naming the reason, and audited as not ok', async () => {
		const audit: AdapterAuditEntry[] = [];
		const answer = await send(
			{ ...fromProxy('refused'), audit: (e: AdapterAuditEntry) => audit.push(e) },
			'Western Power Sports',
			call
		);
		expect(answer).toEqual({
			ok: false,
			error: {
				code: 'transient',
				message: 'Could not reach Western Power Sports: the connection was refused.',
				detail: 'proxy: refused'
			}
		});
		expect(audit[0]).toMatchObject({ status: 502, ok: false, message: 'unreachable: refused' });
	});

	it('is ignored when the reason is not one we know, and a 502 without it is the distributor’s', async () => {
		const odd = await send(fromProxy('gremlins'), 'Western Power Sports', call);
		expect(odd.ok && commonHttpError(odd.value, 'Western Power Sports')).toMatchObject({
			error: { message: 'Western Power Sports had a problem on their side (error 502).' }
		});
	});
});

describe('Retry-After', () => {
	it.each([
		['120', 120_000],
		['0', 1_000],
		['-1', 1_000],
		['abc', 30_000],
		['99999999', 3_600_000],
		[null, 30_000]
	] as const)('%s → %i ms, clamped to [1 s, 1 h]', (value, ms) => {
		expect(parseRetryAfter(value)).toBe(ms);
	});

	it('reads HTTP dates in the past and future', () => {
		const now = Date.parse('2026-11-26T10:00:00Z');
		expect(parseRetryAfter('Thu, 26 Nov 2026 10:02:00 GMT', now)).toBe(120_000);
		expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(1_000);
	});
});
