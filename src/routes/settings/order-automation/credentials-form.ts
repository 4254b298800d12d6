import { z } from 'zod';
import { Credentials, credentialFieldProblem } from '$lib/domain/account';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';

export type CredentialKey = keyof Credentials;
export type FieldErrors = Partial<Record<CredentialKey, string>>;

/**
 * The same rules the worker applies (every field of this distributor, no spaces), checked as the
 * dealer saves so the message appears next to the field without a round trip. The worker checks
 * again; its answer names the field as "credentials.apiKey" and is shown the same way.
 */
export function credentialsSchema(distributorId: DistributorId) {
	const shape: Record<string, z.ZodString> = {};
	for (const field of DISTRIBUTORS[distributorId].credentialFields) {
		const key = field.key;
		shape[key] = z
			.string()
			.trim()
			.min(1, `${field.label} is required.`)
			.regex(/^\S+$/, `${field.label} cannot contain spaces.`)
			.superRefine((value, ctx) => {
				const problem = credentialFieldProblem(key, value);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			});
	}
	return z.object(shape);
}

export function validateCredentials(
	distributorId: DistributorId,
	values: Credentials
): { ok: true; value: Credentials } | { ok: false; errors: FieldErrors } {
	const parsed = credentialsSchema(distributorId).safeParse(values);
	if (parsed.success) {
		const value: Credentials = {};
		for (const field of DISTRIBUTORS[distributorId].credentialFields) {
			value[field.key] = parsed.data[field.key];
		}
		return { ok: true, value };
	}
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const key = issue.path[0];
		if (typeof key === 'string' && isCredentialKey(key)) errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}

/** "credentials.apiKey" (the worker's error.field) → "apiKey"; undefined for anything else. */
export function credentialKeyOf(field: string | undefined): CredentialKey | undefined {
	const key = field?.replace(/^credentials\./, '');
	return key && isCredentialKey(key) ? key : undefined;
}

function isCredentialKey(key: string): key is CredentialKey {
	return Object.hasOwn(Credentials.shape, key);
}
