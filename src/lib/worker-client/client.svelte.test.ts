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
});
