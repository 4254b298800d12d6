import type { DistributorId } from './distributor';

/**
 * PO numbers: the dealer's prefix and a sequence that only grows, e.g. RL000123. Short and plain
 * so it fits every distributor: PU takes 20 characters (unconfirmed), Automatic 22 printable
 * ASCII, and WPS and Tucker print it on their portals.
 */
export const PO_MAX_LENGTH: Record<DistributorId, number> = {
	wps: 20,
	pu: 20,
	tucker: 20,
	automatic: 22
};

export const PO_PATTERN = /^[A-Z0-9-]+$/;

/**
 * A synced shop's devices share the sequence but not the letter (RLA000124, RLB000124), so two
 * devices numbering POs while apart never make the same number.
 */
export function formatPoNumber(prefix: string, sequence: number, deviceLetter = ''): string {
	return `${prefix.toUpperCase()}${deviceLetter.toUpperCase()}${String(sequence).padStart(6, '0')}`;
}

/** Why a dealer-edited PO number cannot be used with this distributor, or null when it can. */
export function poNumberProblem(poNumber: string, distributorId: DistributorId): string | null {
	if (poNumber.trim() === '') return 'The PO number is required.';
	if (!PO_PATTERN.test(poNumber))
		return 'Use only capital letters, digits and dashes in the PO number.';
	const max = PO_MAX_LENGTH[distributorId];
	if (poNumber.length > max)
		return `The PO number can have at most ${max} characters for this distributor.`;
	return null;
}
