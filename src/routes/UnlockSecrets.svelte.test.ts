import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SecretLock } from '$lib/state/secret-lock.svelte';
import type { Client } from '$lib/worker-client/client.svelte';
import UnlockSecrets from './UnlockSecrets.svelte';

/** A worker double that keeps a lock like the worker does: one passphrase opens it. */
function lockedWorker(passphrase: string) {
	let isUnlocked = false;
	const secrets = {
		status: vi.fn(async () => ({ ok: true, value: { isLockSet: true, isUnlocked } })),
		unlock: vi.fn(async (input: { passphrase: string }) => {
			if (input.passphrase !== passphrase)
				return {
					ok: false,
					error: {
						code: 'auth',
						message: 'That passphrase is not the one your credentials are locked with.'
					}
				};
			isUnlocked = true;
			return { ok: true, value: undefined };
		})
	};
	return { secrets } as unknown as Pick<Client, 'secrets'>;
}

describe('UnlockSecrets (CRED-2, case 10)', () => {
	it('offers to unlock while locked, refuses a wrong passphrase clearly, and goes once unlocked', async () => {
		const lock = new SecretLock(lockedWorker('correct horse battery'));
		await lock.refresh();
		render(UnlockSecrets, { lock });
		const user = userEvent.setup();
		const form = screen.getByRole('form', { name: 'Unlock credentials' });
		expect(form).toHaveTextContent('Unlock with your passphrase');

		await user.type(screen.getByLabelText('Passphrase'), 'guess one');
		await user.click(screen.getByRole('button', { name: 'Unlock' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'That passphrase is not the one your credentials are locked with.'
		);
		expect(screen.getByRole('form', { name: 'Unlock credentials' })).toBeInTheDocument();

		await user.clear(screen.getByLabelText('Passphrase'));
		await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery');
		await user.click(screen.getByRole('button', { name: 'Unlock' }));
		await vi.waitFor(() =>
			expect(screen.queryByRole('form', { name: 'Unlock credentials' })).toBeNull()
		);
		expect(lock.isUnlocked).toBe(true);
	});
});
