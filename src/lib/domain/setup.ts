import type { DistributorId } from './distributor';

/** The five things a new shop sets up; each can be skipped in the setup and done later. */
export const SETUP_STEPS = [
	{ id: 'profile', label: 'Your shop’s profile', href: '/settings/shop' },
	{ id: 'accounts', label: 'A distributor account', href: '/settings/order-automation' },
	{ id: 'feeds', label: 'A feed for each distributor', href: '/catalog/import' },
	{ id: 'orders', label: 'Your web orders', href: '/orders' },
	{ id: 'email', label: 'Email to buyers', href: '/settings/email' }
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number]['id'];

/** What the checklist is computed from: read from the shop's database as it is now. */
export interface SetupFacts {
	isProfileSaved: boolean;
	enabledDistributors: readonly DistributorId[];
	/** Distributors with a complete feed in the catalog. */
	feedDistributors: readonly DistributorId[];
	orderCount: number;
	hasMailServer: boolean;
}

export interface SetupProgress {
	steps: ((typeof SETUP_STEPS)[number] & { isDone: boolean })[];
	doneCount: number;
	/** "2 of 5 set up" */
	summary: string;
}

/**
 * Which setup steps are done, from the data itself rather than from clicks in the setup, so a
 * step done later on its own screen ticks too. Feeds count once every enabled distributor has one.
 */
export function setupProgress(facts: SetupFacts): SetupProgress {
	const withFeed = new Set(facts.feedDistributors);
	const isDone: Record<SetupStepId, boolean> = {
		profile: facts.isProfileSaved,
		accounts: facts.enabledDistributors.length > 0,
		feeds:
			facts.enabledDistributors.length > 0 &&
			facts.enabledDistributors.every((id) => withFeed.has(id)),
		orders: facts.orderCount > 0,
		email: facts.hasMailServer
	};
	const steps = SETUP_STEPS.map((step) => ({ ...step, isDone: isDone[step.id] }));
	const doneCount = steps.filter((s) => s.isDone).length;
	return { steps, doneCount, summary: `${doneCount} of ${steps.length} set up` };
}
