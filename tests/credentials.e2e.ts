import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';

/**
 * Settings › Order automation as a dealer meets it: credentials typed for all four distributors,
 * each connection tested (one with the simulator refusing the credentials), and after a reload
 * the credentials are still there with the secrets masked.
 */
let session: Session;

beforeEach(async () => {
	session = await openSession();
});

afterEach(async () => {
	expect(session.errors).toEqual([]);
	await session.close();
});

const ACCOUNTS = [
	{ name: 'Western Power Sports', fields: { 'API token': 'demo-wps-token-7731' } },
	{
		name: 'Parts Unlimited',
		fields: { 'Dealer number': '20417', 'API key': 'DEMOKEY-1111111-2222222-3337731' }
	},
	{
		name: 'Tucker Rocky',
		fields: { 'Customer number': '220417', 'API key': 'DEMOTUCKERKEY0000000000007731' }
	},
	{
		name: 'Automatic Distributors',
		fields: {
			// Not public: the address the dealer's Automatic rep gave (here the simulator's).
			'API address (from your Automatic rep)': 'https://api.autodist.example/v2',
			'API token': 'demo-automatic-token-7731'
		}
	}
] as const;

describe('order automation credentials', () => {
	it('saves, tests and keeps the credentials of all four distributors, secrets masked', async () => {
		const { page } = session;
		await openApp(page, '/settings/data');
		await page
			.getByRole('group', { name: 'Tucker Rocky' })
			.getByLabel('Credentials refused')
			.check();
		await page
			.getByRole('navigation', { name: 'Settings' })
			.getByRole('link', { name: 'Order automation', exact: true })
			.click();

		for (const account of ACCOUNTS) {
			const form = page.getByRole('form', { name: `${account.name} credentials` });
			for (const [label, value] of Object.entries(account.fields)) {
				await form.getByLabel(label, { exact: true }).fill(value);
			}
			await form.getByRole('button', { name: 'Save' }).click();
			await form.getByRole('status').getByText(/saved/i).waitFor();
			const card = page.getByRole('region', { name: new RegExp(account.name) });
			await card.getByRole('button', { name: 'Test connection' }).click();
			const answer = card.locator('.answer');
			if (account.name === 'Tucker Rocky') {
				await answer.getByText(/refused/i).waitFor();
			} else {
				await answer.getByText(`${account.name} accepted the credentials.`).waitFor();
			}
		}

		await page.reload();
		await waitForReady(page);
		for (const account of ACCOUNTS) {
			const form = page.getByRole('form', { name: `${account.name} credentials` });
			for (const [label, value] of Object.entries(account.fields)) {
				const shown = await form.getByLabel(label, { exact: true }).inputValue();
				if (!value.endsWith('7731')) expect(shown).toBe(value);
				else expect(shown).toBe('••••••7731');
			}
		}
		// The secrets are in no page-visible storage either.
		const dump = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
		expect(dump).not.toContain('7731');
	});
});
