import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { wrapRemote } from './client.svelte';

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A stand-in worker that echoes what it received, so the test sees what crossed the channel. */
function echoWorker() {
	const { port1, port2 } = new MessageChannel();
	ports.push(port1, port2);
	Comlink.expose(
		{ orders: { create: async (input: unknown) => ({ ok: true, value: input }) } },
		port1
	);
	return Comlink.wrap<never>(port2);
}

describe('the worker client', () => {
	it('passes a $state object without a DataCloneError', async () => {
		const form = $state({
			number: '1042',
			buyer: { name: 'Cody Walters', email: 'cody@example.com' },
			items: [{ title: 'Pro Taper Grips', quantity: 1 }]
		});
		// The raw proxy cannot be cloned: this is the failure the wrapper exists for.
		const { port1, port2 } = new MessageChannel();
		ports.push(port1, port2);
		expect(() => port1.postMessage(form)).toThrow(/could not be cloned|DataCloneError/i);

		const client = wrapRemote(echoWorker());
		const result = await client.orders.create(form as never);
		expect(result).toEqual({ ok: true, value: $state.snapshot(form) });
	});

	it('holds every call until the workspace has started, with the arguments as they were', async () => {
		let settle: (started: { ok: boolean }) => void = () => undefined;
		const ready = new Promise<{ ok: boolean }>((resolve) => (settle = resolve));
		const client = wrapRemote(echoWorker(), ready);
		const form = $state({ number: '1042' });
		let answer: unknown;
		const call = client.orders.create(form as never).then((a) => (answer = a));
		form.number = '1043';
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(answer).toBeUndefined();
		settle({ ok: true });
		await call;
		expect(answer).toEqual({ ok: true, value: { number: '1042' } });
	});

	it('fails a held call when the workspace could not start', async () => {
		const client = wrapRemote(echoWorker(), Promise.resolve({ ok: false }));
		await expect(client.orders.create({} as never)).rejects.toThrow(/could not open/);
	});
});
