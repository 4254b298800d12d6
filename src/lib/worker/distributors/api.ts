import { z } from 'zod';
import { Credentials, credentialFieldProblem, type DistributorAccount } from '$lib/domain/account';
import { DISTRIBUTORS, DistributorId } from '$lib/domain/distributor';
import { ok } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { adapterFor } from '../core/adapters';
import { openCredentials, sealAccount } from '../secrets/credentials';

async function accountOf(deps: ApiDeps, id: DistributorId): Promise<DistributorAccount> {
	return (
		(await deps.db.distributors.get(id)) ?? {
			id,
			isEnabled: false,
			credentials: {},
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		}
	);
}

/** Each distributor asks for its own fields: PU a dealer number, Tucker a customer number. */
const SaveAccountInput = z
	.object({ distributorId: DistributorId, credentials: Credentials })
	.superRefine((input, ctx) => {
		for (const field of DISTRIBUTORS[input.distributorId].credentialFields) {
			const value = input.credentials[field.key];
			if (!value) {
				ctx.addIssue({
					code: 'custom',
					path: ['credentials', field.key],
					message: `${field.label} is required.`
				});
			} else if (/\s/.test(value)) {
				ctx.addIssue({
					code: 'custom',
					path: ['credentials', field.key],
					message: `${field.label} cannot contain spaces.`
				});
			} else {
				const problem = credentialFieldProblem(field.key, value);
				if (problem)
					ctx.addIssue({ code: 'custom', path: ['credentials', field.key], message: problem });
			}
		}
	});

export function distributorsApi(deps: ApiDeps) {
	return {
		/** `validation` naming the missing field. Saving does not test; `testConnection` does. */
		saveAccount: handler(SaveAccountInput, (input) =>
			deps.writes.run(async () => {
				const account = await accountOf(deps, input.distributorId);
				// A secret left as its shown hint ("••••••3F9A") was not retyped: keep the saved one.
				const kept = await openCredentials(deps, account);
				const credentials = Object.fromEntries(
					DISTRIBUTORS[input.distributorId].credentialFields.map((f) => {
						const value = input.credentials[f.key];
						const isHint =
							f.isSecret && value?.startsWith('••••••') && value === account.credentials[f.key];
						return [f.key, isHint && kept.ok ? kept.value[f.key] : value];
					})
				);
				const sealed = await sealAccount(deps, account, credentials);
				if (!sealed.ok) return sealed;
				await deps.db.distributors.put({
					...sealed.value,
					isEnabled: true,
					lastTest: undefined,
					updatedAt: deps.now().toISOString()
				});
				return ok();
			})
		),
		setEnabled: handler(
			z.object({ distributorId: DistributorId, isEnabled: z.boolean() }),
			(input) =>
				deps.writes.run(async () => {
					const account = await accountOf(deps, input.distributorId);
					await deps.db.distributors.put({
						...account,
						isEnabled: input.isEnabled,
						updatedAt: deps.now().toISOString()
					});
					return ok();
				})
		),
		/** Records which account prerequisites (tax ID, card on file …) the dealer has ticked. */
		setPrerequisite: handler(
			z.object({ distributorId: DistributorId, prerequisite: z.string(), isDone: z.boolean() }),
			(input) =>
				deps.writes.run(async () => {
					const account = await accountOf(deps, input.distributorId);
					const done = new Set(account.prerequisitesDone);
					if (input.isDone) done.add(input.prerequisite);
					else done.delete(input.prerequisite);
					await deps.db.distributors.put({
						...account,
						prerequisitesDone: [...done],
						updatedAt: deps.now().toISOString()
					});
					return ok();
				})
		),
		/**
		 * Asks the distributor whether it accepts the saved credentials and stores the answer in
		 * words. Fails with `auth` when credentials are missing, else with the adapter's code.
		 */
		testConnection: handler(z.object({ distributorId: DistributorId }), async (input) => {
			const name = DISTRIBUTORS[input.distributorId].name;
			const built = await adapterFor(deps, input.distributorId, { requireEnabled: false });
			if (!built.ok) return built;
			const adapter = built.value;
			const result = await adapter.validateCredentials();
			const lastTest = result.ok
				? {
						at: deps.now().toISOString(),
						ok: true,
						message: `${name} accepted the credentials.`,
						warnings: result.value.warnings
					}
				: { at: deps.now().toISOString(), ok: false, message: result.error.message, warnings: [] };
			await deps.writes.run(async () => {
				const latest = await accountOf(deps, input.distributorId);
				await deps.db.distributors.put({ ...latest, lastTest });
			});
			return result.ok ? ok(lastTest) : result;
		})
	};
}
