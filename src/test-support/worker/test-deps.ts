import { openDb, reopenAfterLoss } from '$lib/db/db';
import { createAdapter } from '$lib/distributors/registry';
import type { Simulator } from '$lib/simulator/simulator';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { Circuits } from '../../lib/worker/core/circuits';
import { memoryLocks } from '../../lib/worker/core/locks';
import { Network } from '../../lib/worker/core/network';
import { SecretBox } from '../../lib/worker/secrets/sealing';
import { memorySyncEngine } from './memory-sync-engine';
import { createWriteQueue } from '../../lib/worker/core/write-queue';

let counter = 0;

/**
 * Deps for tests: a fresh fake-indexeddb database per call, a fixed clock, counting ids, and the
 * fetch and simulator the test gives (none by default: a distributor call then fails loudly).
 */
export function createTestDeps(
	overrides: Partial<ApiDeps> & { simulator?: Simulator } = {}
): ApiDeps {
	counter += 1;
	let ids = 0;
	const { simulator, ...rest } = overrides;
	const db = openDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
	return {
		workspace: 'demo',
		db,
		secrets: new SecretBox(db),
		sync: memorySyncEngine,

		fetch: async () => {
			throw new Error('No fetch given to this test');
		},
		now: () => new Date('2026-11-20T15:00:00.000Z'),
		random: () => 0.5,
		newId: () => `id-${++ids}`,
		writes: createWriteQueue({ reopen: () => reopenAfterLoss(db) }),
		adapters: createAdapter,
		circuits: new Circuits(),
		locks: memoryLocks(),
		network: new Network(true),

		mail: async (_smtp, message) => ({
			ok: true,
			value: { messageId: `<test-${message.idempotencyKey}>` }
		}),
		demo: { simulator: () => simulator ?? null, setActive: async () => undefined },
		...rest
	};
}
