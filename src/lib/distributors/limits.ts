import { err, ok, type Result } from '$lib/domain/result';

/**
 * Checks a value against a distributor's documented field limit before anything is sent, so the
 * dealer learns which field to shorten instead of reading a distributor error.
 */
export interface FieldLimit {
	field: string;
	label: string;
	max: number;
	value: string | undefined;
	isRequired?: boolean;
	/** Printable ASCII only (Automatic PO numbers). */
	isAsciiOnly?: boolean;
}

export function checkLimits(distributorName: string, limits: readonly FieldLimit[]): Result<void> {
	for (const limit of limits) {
		const value = limit.value ?? '';
		if (limit.isRequired && value.trim() === '') {
			return err('validation', `${limit.label} is required by ${distributorName}.`, {
				field: limit.field
			});
		}
		if (value.length > limit.max) {
			return err(
				'validation',
				`${distributorName} accepts at most ${limit.max} characters for ${limit.label.toLowerCase()}; "${value}" has ${value.length}. Please shorten it.`,
				{ field: limit.field }
			);
		}
		if (limit.isAsciiOnly && !/^[\x20-\x7e]*$/.test(value)) {
			return err(
				'validation',
				`${distributorName} accepts only plain letters, digits and punctuation in ${limit.label.toLowerCase()}.`,
				{
					field: limit.field
				}
			);
		}
	}
	return ok();
}
