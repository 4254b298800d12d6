import type { Attachment } from 'svelte/attachments';

/**
 * Takes the keyboard's focus when it has nowhere to be: on the page's body, or on a control just
 * disabled or removed (a form's submit button while its work runs, a progress card once the work
 * ends), so the next Tab or Enter acts on what the page now shows instead of starting again from
 * the top. Focus the dealer put elsewhere stays where it is.
 */
export const focusIfLost: Attachment<HTMLElement> = (node) => {
	const active = document.activeElement;
	const isLost =
		!active ||
		active === document.body ||
		!active.isConnected ||
		(active instanceof HTMLButtonElement && active.disabled) ||
		(active instanceof HTMLSelectElement && active.disabled);
	if (isLost) node.focus();
};
