import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ConfirmDialogHarness from '$test-support/components/ConfirmDialogHarness.svelte';

// jsdom has <dialog> but not its modal methods; these do what the browser does for the test.
beforeAll(() => {
	HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
		this.open = true;
		this.querySelector<HTMLElement>('button')?.focus();
	};
	HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
		this.open = false;
		this.dispatchEvent(new Event('close'));
	};
});

describe('ConfirmDialog', () => {
	it('asks first, and confirms only on the confirm button', async () => {
		const onconfirm = vi.fn();
		render(ConfirmDialogHarness, { onconfirm });
		const user = userEvent.setup();
		expect(screen.queryByRole('dialog')).toBeNull();

		await user.click(screen.getByRole('button', { name: 'Go live' }));
		const dialog = screen.getByRole('dialog', { name: 'Switch to live mode?' });
		expect(dialog).toHaveTextContent('Real orders will be placed.');
		expect(onconfirm).not.toHaveBeenCalled();

		await user.click(screen.getByRole('button', { name: 'Place real orders' }));
		expect(onconfirm).toHaveBeenCalledOnce();
		expect(screen.queryByRole('dialog')).toBeNull();
	});

	it('closes on Escape without confirming and gives focus back to the opener', async () => {
		const onconfirm = vi.fn();
		render(ConfirmDialogHarness, { onconfirm });
		const user = userEvent.setup();
		const opener = screen.getByRole('button', { name: 'Go live' });
		await user.click(opener);
		const dialog = screen.getByRole('dialog');
		expect(dialog).toContainElement(document.activeElement as HTMLElement);

		await fireEvent.keyDown(dialog, { key: 'Escape' });
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(onconfirm).not.toHaveBeenCalled();
		expect(opener).toHaveFocus();
	});

	it('Cancel closes it too', async () => {
		const onconfirm = vi.fn();
		render(ConfirmDialogHarness, { onconfirm });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Go live' }));
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(screen.queryByRole('dialog')).toBeNull();
		expect(onconfirm).not.toHaveBeenCalled();
	});
});
