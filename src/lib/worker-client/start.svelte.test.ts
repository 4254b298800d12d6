import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberStarted, rememberWorkspace } from '$lib/state/workspace';
import { BootInput, EarlyOpenMessage } from '$lib/worker/boot';
import appHtml from '../../app.html?raw';
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

type EarlyWindow = {
	dropshipDeskEarlyWorker?: { url: string; worker: unknown; workspace: string | null };
};
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
	it("adopts the worker app.html's early start started when it is this version's", () => {
		const early = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = { url: workerUrl, worker: early, workspace: null };
		const started = startWorker('demo');
		expect(started.worker).toBe(early);
		expect(FakeWorker.made).toEqual([]);
		expect(bootInput(early)).toEqual({ workspace: 'demo', loadCatalog: false });
		expect(page.dropshipDeskEarlyWorker).toBeUndefined();
	});

	it("ends an older version's early worker and starts this one, remembering its address", () => {
		const early = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = {
			url: '/_app/immutable/workers/index-0ld.js',
			worker: early,
			workspace: 'shop'
		};
		const started = startWorker('shop');
		expect(early.isEnded).toBe(true);
		expect(FakeWorker.made).toHaveLength(1);
		expect(started.worker).toBe(FakeWorker.made[0]);
		expect(FakeWorker.made[0]?.url).toBe(workerUrl);
		expect(localStorage.getItem(URL_KEY)).toBe(workerUrl);
	});

	it('adopts the early worker that opened this workspace, and ends one that opened the other', () => {
		const early = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = { url: workerUrl, worker: early, workspace: 'demo' };
		expect(startWorker('demo').worker).toBe(early);

		const other = new FakeWorker();
		FakeWorker.made = [];
		page.dropshipDeskEarlyWorker = { url: workerUrl, worker: other, workspace: 'demo' };
		const started = startWorker('shop');
		expect(other.isEnded).toBe(true);
		expect(started.worker).toBe(FakeWorker.made[0]);
		expect(bootInput(FakeWorker.made[0] as FakeWorker)).toEqual({
			workspace: 'shop',
			loadCatalog: false
		});
	});

	it('asks the worker to load the catalog at once only where the workspace has started before', () => {
		const first = startWorker('demo').worker as unknown as FakeWorker;
		expect(bootInput(first)).toEqual({ workspace: 'demo', loadCatalog: false });
		rememberStarted('demo');
		const warm = startWorker('demo').worker as unknown as FakeWorker;
		expect(bootInput(warm)).toEqual({ workspace: 'demo', loadCatalog: true });
	});
});

/** Runs app.html's inline early start as the browser does when the page begins to load. */
function runEarlyStart(): void {
	const scripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)];
	expect(scripts).toHaveLength(1);
	new Function(scripts[0]?.[1] as string)();
}

describe("app.html's early start", () => {
	it('starts the remembered worker and tells it the saved workspace and whether to load the catalog', () => {
		startWorker('demo'); // a start remembers this version's address
		rememberWorkspace('demo');
		rememberStarted('demo');
		FakeWorker.made = [];
		runEarlyStart();
		const [early] = FakeWorker.made;
		expect(early?.url).toBe(workerUrl);
		const message = EarlyOpenMessage.parse(early?.sent[0]);
		expect(BootInput.parse(message.input)).toEqual({ workspace: 'demo', loadCatalog: true });
		expect(startWorker('demo').worker).toBe(early);
	});

	it('starts the worker without opening anything where no workspace was saved', () => {
		startWorker('demo');
		FakeWorker.made = [];
		runEarlyStart();
		const [early] = FakeWorker.made;
		expect(early?.sent).toEqual([]);
		expect(page.dropshipDeskEarlyWorker?.workspace).toBeNull();
		expect(startWorker('shop').worker).toBe(early);
	});

	it('starts nothing before any start has remembered an address', () => {
		rememberWorkspace('shop');
		runEarlyStart();
		expect(FakeWorker.made).toEqual([]);
	});
});
