import { z } from 'zod';
import { DISTRIBUTORS, DistributorId } from './distributor';

export const Credentials = z.object({
	dealerNumber: z.string().trim().optional(),
	customerNumber: z.string().trim().optional(),
	apiKey: z.string().trim().optional(),
	apiToken: z.string().trim().optional(),
	/**
	 * Automatic's API address: not public (distributors.md §5.3), so the dealer types the one
	 * their rep gave. https only; the proxy forwards to it only when its own configuration says so.
	 */
	apiBaseUrl: z.string().trim().optional()
});
export type Credentials = z.infer<typeof Credentials>;

export const ConnectionTest = z.object({
	at: z.iso.datetime(),
	ok: z.boolean(),
	message: z.string(),
	warnings: z.array(z.string()).default([])
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/** A dealer's account at one distributor. Secrets are encrypted at rest by the Reliability work. */
export const DistributorAccount = z.object({
	id: DistributorId,
	isEnabled: z.boolean(),
	credentials: Credentials,
	/** The prerequisites (tax ID, card on file …) the dealer has ticked as done. */
	prerequisitesDone: z.array(z.string()),
	/**
	 * The secret fields, sealed (AES-GCM); `credentials` then holds only a hint like "••••••3F9A"
	 * for them, so nothing that reads the table sees a key.
	 */
	sealed: z.record(z.string(), z.object({ iv: z.string(), ct: z.string() })).optional(),

	lastTest: ConnectionTest.optional(),
	updatedAt: z.iso.datetime()
});
export type DistributorAccount = z.infer<typeof DistributorAccount>;

export function hasCredentials(account: Pick<DistributorAccount, 'id' | 'credentials'>): boolean {
	const c = account.credentials;
	switch (account.id) {
		case 'pu':
			return Boolean(c.dealerNumber && c.apiKey);
		case 'tucker':
			return Boolean(c.customerNumber && c.apiKey);
		case 'wps':
		case 'automatic':
			return Boolean(c.apiToken);
	}
}

/** Why an API address typed by the dealer cannot be used, or null when it can. */
export function apiAddressProblem(value: string | undefined): string | null {
	const text = value?.trim() ?? '';
	if (text === '') return 'is not set';
	if (!URL.canParse(text)) return 'is not a web address';
	const url = new URL(text);
	if (url.protocol !== 'https:') return 'must start with https://';
	if (url.username || url.password || url.search || url.hash)
		return 'must be a plain https:// address (no user, query or #)';
	return null;
}

/**
 * What keeps a saved account from working although its credentials are there: for Automatic, an
 * API address that is missing or unusable ("Automatic's API address is not set"). Null when none.
 */
export function accountGap(account: Pick<DistributorAccount, 'id' | 'credentials'>): string | null {
	if (account.id !== 'automatic') return null;
	const problem = apiAddressProblem(account.credentials.apiBaseUrl);
	return problem ? `Automatic's API address ${problem}` : null;
}

/** A credential field's own rule beyond "required, no spaces": the API address must be https. */
export function credentialFieldProblem(key: keyof Credentials, value: string): string | null {
	if (key !== 'apiBaseUrl') return null;
	const problem = apiAddressProblem(value);
	return problem ? `The API address ${problem}.` : null;
}

/** Shows the last four characters only: "••••••3F9A". */
export function maskSecret(secret: string | undefined): string {
	if (!secret) return '';
	return `••••••${secret.slice(-4)}`;
}

/**
 * The distributor's account prerequisites (WPS tax ID, Tucker card on file …) the dealer has not
 * ticked: the distributor refuses an order for these, so the Dropship dialog says so first.
 */
export function missingPrerequisites(
	distributorId: DistributorId,
	account: Pick<DistributorAccount, 'prerequisitesDone'> | undefined
): string[] {
	const done = new Set(account?.prerequisitesDone ?? []);
	return DISTRIBUTORS[distributorId].prerequisites.filter((p) => !done.has(p));
}
