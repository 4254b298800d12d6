import type { DropshipDb } from '$lib/db/schema';
import type { AdapterRegistry } from '$lib/distributors/registry';
import type { Result } from '$lib/domain/result';
import type { Workspace } from '$lib/domain/workspace';
import type { MailMessage, SmtpSettings } from '$lib/domain/smtp';
import type { Simulator } from '$lib/simulator/simulator';
import type { Circuits } from './circuits';
import type { Locks } from './locks';
import type { Network } from './network';
import type { SecretBox } from '../secrets/sealing';
import type { SyncEngine } from '../sync/engine';
import type { WriteQueue } from './write-queue';

/**
 * What varies between the real worker, the tests and demo mode. Nothing in the API reaches for a
 * global: tests build these and call the API directly, without a Worker.
 */
export interface ApiDeps {
	/** Which database `db` is: the demo's or the dealer's shop. Fixed for the worker's life. */
	workspace: Workspace;
	db: DropshipDb;
	/** The transport for every distributor call: through the proxy, or the demo simulators. */
	fetch: typeof fetch;
	now: () => Date;
	random: () => number;
	newId: () => string;
	writes: WriteQueue;
	/** Builds a distributor's adapter; tests give their own. */
	adapters: AdapterRegistry;
	/** One circuit breaker per distributor, shared by every call the worker makes. */
	circuits: Circuits;
	/** Cross-tab exclusion (Web Locks in the browser). */
	locks: Locks;
	/** Whether the browser is online, as the page last said (see network.ts). */
	network: Network;
	/** The replication engine for sync across devices (PouchDB; a memory replica in tests). */
	sync: SyncEngine;
	/** Seals and opens secrets at rest. */
	secrets: SecretBox;

	/**
	 * Hands one email to the mail server (through the proxy side's /mail endpoint). `smtp` is null
	 * in demo mode, where the transport is simulated and nothing leaves the browser.
	 */
	mail: MailTransport;
	/** The simulated distributors, present in demo mode only. */
	demo: DemoControl;
	/**
	 * The web store adapters' waiting (Shopify's throttle): real timers unless a test passes a
	 * fake clock, so a THROTTLED answer costs a test no real time.
	 */
	storeTiming?: { sleep: (ms: number) => Promise<void>; clockMs: () => number };
}

export interface DemoControl {
	/** The running simulator, or null in live mode. */
	simulator(): Simulator | null;
	/**
	 * Starts (or stops) the in-process simulators; called when the mode changes. `whenIdle`: not
	 * now but on the first request or a little later (the app's start, see demo/control.ts).
	 */
	setActive(isActive: boolean, how?: { whenIdle?: boolean }): Promise<void>;
}

export type MailTransport = (
	smtp: SmtpSettings | null,
	message: MailMessage
) => Promise<Result<{ messageId: string }>>;
