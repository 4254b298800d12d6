import { describe, expect, it, vi } from 'vitest';
import { Reachability, type ReachabilityDeps } from './reachability';

/** A network the test switches by hand; timers are collected and fired by the test. */
function network(initial: { link: boolean; reachable: boolean }) {
	const state = { ...initial };
	const timers: (() => void)[] = [];
	const changes: boolean[] = [];
	const probe = vi.fn(async () => {
		if (!state.reachable) throw new TypeError('Failed to fetch');
		return new Response(null);
	});
	const deps: ReachabilityDeps = {
		probe,
		isBrowserOnline: () => state.link,
		onChange: (isOnline) => changes.push(isOnline),
		setTimer: (run) => timers.push(run),
		clearTimer: () => timers.splice(0)
	};
	return { state, timers, changes, probe, reachability: new Reachability(deps) };
}

describe('Reachability', () => {
	it('a link with no way out (navigator.onLine true) reads offline', async () => {
		const net = network({ link: true, reachable: false });
		expect(await net.reachability.check()).toBe(false);
		expect(net.changes).toEqual([false]);
	});

	it('the browser saying offline is believed without asking', async () => {
		const net = network({ link: false, reachable: true });
		expect(await net.reachability.check()).toBe(false);
		expect(net.probe).not.toHaveBeenCalled();
	});

	it('while offline it looks again by itself and says when the network is back', async () => {
		const net = network({ link: true, reachable: false });
		await net.reachability.check();
		expect(net.timers).toHaveLength(1);
		net.state.reachable = true;
		net.timers.shift()?.();
		await vi.waitFor(() => expect(net.changes).toEqual([false, true]));
		// Online: nothing more is scheduled.
		expect(net.timers).toHaveLength(0);
	});

	it('a failed request makes it look again; checks asked at once share one request', async () => {
		const net = network({ link: true, reachable: true });
		expect(await net.reachability.check()).toBe(true);
		net.state.reachable = false;
		const answers = await Promise.all([net.reachability.check(), net.reachability.check()]);
		expect(answers).toEqual([false, false]);
		expect(net.probe).toHaveBeenCalledTimes(2);
		expect(net.changes).toEqual([true, false]);
	});

	it('says nothing after it is stopped', async () => {
		const net = network({ link: true, reachable: false });
		net.reachability.stop();
		await net.reachability.check();
		expect(net.changes).toEqual([]);
		expect(net.timers).toHaveLength(0);
	});
});
