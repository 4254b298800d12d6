import { DISTRIBUTOR_NAMES, type DistributorId } from '$lib/domain/distributor';

/**
 * One choice of a list filter as FilterBar draws it: "any" or one of `labels`' keys. Built by
 * `filterChoice`, which keeps the key type on the page's side, so a value from the select (or an
 * old bookmark) that is not one of the keys reads as "any".
 */
export interface FilterChoice {
	label: string;
	anyLabel: string;
	value: string;
	options: { value: string; label: string }[];
	onpick: (raw: string) => void;
}

export function filterChoice<T extends string>(choice: {
	label: string;
	anyLabel: string;
	labels: Readonly<Record<T, string>>;
	value: T | '';
	onchange: (value: T | '') => void;
}): FilterChoice {
	const isKey = (raw: string): raw is T => Object.hasOwn(choice.labels, raw);
	return {
		label: choice.label,
		anyLabel: choice.anyLabel,
		value: choice.value,
		options: Object.entries<string>(choice.labels).map(([value, label]) => ({ value, label })),
		onpick: (raw) => choice.onchange(isKey(raw) ? raw : '')
	};
}

/** The distributor choice, the same on every list that has one. */
export function distributorChoice(
	value: DistributorId | '',
	onchange: (distributor: DistributorId | '') => void
): FilterChoice {
	return filterChoice({
		label: 'Distributor',
		anyLabel: 'Any distributor',
		labels: DISTRIBUTOR_NAMES,
		value,
		onchange
	});
}
