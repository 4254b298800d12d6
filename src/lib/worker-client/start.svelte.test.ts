import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberStarted } from '$lib/state/workspace';
import workerUrl from '../worker/index.ts?worker&url';
import { startWorker } from './start';

/** A worker that records what the page sends it and never answers. */
class FakeWorker {
	static made: FakeWorker[] = [];
	sent: unknown[] = [];
	isEnded = false;
	constructor(
		readonly url: string = 'early',
		readonly options?: WorkerOptions
	) {
		FakeWorker.made.push(this);
	}
	postMessage(message: unknown) {
		this.sent.push(message);
	}
	addEventListener() {}
	removeEventListener() {}
	terminate() {
		this.isEnded = true;
	}
}

type EarlyWindow = { dropshipDeskEarlyWorker?: { url: string; worker: unknown } };
const page = globalThis as EarlyWindow;
const URL_KEY = 'dropship-desk:worker-url';

/** What the page asked the worker's `boot.open` for (Comlink's message carries the argument). */
function bootInput(worker: FakeWorker): unknown {
	const text = JSON.stringify(worker.sent);
	const found = /"value":(\{"workspace":[^}]*\})/.exec(text);
	return found ? JSON.parse(found[1] as string) : undefined;
}

beforeEach(() => {
	FakeWorker.made = [];
	vi.stubGlobal('Worker', FakeWorker);
	localStorage.clear();
});
afterEach(() => {
	vi.unstubAllGlobals();
	delete page.dropshipDeskEarlyWorker;
});

describe('starting the worker', () => {
	it("adopts the worker static/start-worker.js started when it is this version's", () => {
		const early = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = { url: workerUrl, worker: early };
		const started = startWorker('demo');
		expect(started.worker).toBe(early);
		expect(FakeWorker.made).toEqual([]);
		expect(bootInput(early)).toEqual({ workspace: 'demo', loadCatalog: false });
		expect(page.dropshipDeskEarlyWorker).toBeUndefined();
	});

	it("ends an older version's early worker and starts this one, remembering its address", () => {
		const early = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = { url: '/_app/immutable/workers/index-0ld.js', worker: early };
		const started = startWorker('shop');
		expect(early.isEnded).toBe(true);
		expect(FakeWorker.made).toHaveLength(1);
		expect(started.worker).toBe(FakeWorker.made[0]);
		expect(FakeWorker.made[0]?.url).toBe(workerUrl);
		expect(localStorage.getItem(URL_KEY)).toBe(workerUrl);
	});

	it('asks the worker to load the catalog at once only where the workspace has started before', () => {
		const first = startWorker('demo').worker as unknown as FakeWorker;
		expect(bootInput(first)).toEqual({ workspace: 'demo', loadCatalog: false });
		rememberStarted('demo');
		const warm = startWorker('demo').worker as unknown as FakeWorker;
		expect(bootInput(warm)).toEqual({ workspace: 'demo', loadCatalog: true });
	});
});
