import { z } from 'zod';
import { err, ok, type Result } from '$lib/domain/result';
import {
	BuyerNotifier,
	STOREFRONT_NAMES,
	StoreCredentials,
	StorefrontId,
	type SyncStatus
} from '$lib/domain/storefront';
import { MYSHOPIFY_HOST } from '$lib/storefronts/shopify/constants';
import { storeBase } from '$lib/storefronts/woocommerce/store-address';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import {
	CONNECTION_ROW,
	SYNC_ROW,
	readConnection,
	sealConnection,
	storefrontFor
} from './connection';
import { sendStorePushes } from './push';
import { syncStore } from './sync';

/** Each store asks for its own fields: Shopify a token, WooCommerce a key and secret over HTTPS. */
const ConnectInput = z
	.object({ storefrontId: StorefrontId, credentials: StoreCredentials, notifier: BuyerNotifier })
	.superRefine((input, ctx) => {
		const { shop, accessToken, consumerKey, consumerSecret } = input.credentials;
		const issue = (field: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: ['credentials', field], message });
		if (input.storefrontId === 'shopify') {
			if (!MYSHOPIFY_HOST.test(shop.toLowerCase()))
				issue('shop', 'must be your-shop.myshopify.com');
			if (!accessToken) issue('accessToken', 'is required');
		} else {
			if (!storeBase(shop)) issue('shop', 'must be your store address starting with https://');
			if (!consumerKey) issue('consumerKey', 'is required');
			if (!consumerSecret) issue('consumerSecret', 'is required');
		}
	});

/** A sync that ran (with how many shipments the store was told of), or one skipped. */
export type SyncRound = (SyncStatus & { skipped?: false; pushed: number }) | { skipped: true };

export function storefrontApi(deps: ApiDeps) {
	return {
		/**
		 * Saves the store connection with its secrets sealed. A different store starts its syncing
		 * afresh. `validation` naming the field; `locked` while the passphrase lock is set.
		 */
		connect: handler(ConnectInput, (input) =>
			deps.writes.run(async () => {
				const previous = await readConnection(deps);
				const sealed = await sealConnection(deps, input, previous);
				if (!sealed.ok) return sealed;
				const isSameStore =
					previous?.storefrontId === input.storefrontId &&
					previous.credentials.shop === sealed.value.credentials.shop;
				await deps.db.settings.put({ key: CONNECTION_ROW, value: sealed.value });
				if (!isSameStore) await deps.db.settings.delete(SYNC_ROW);
				return ok();
			})
		),

		/** Who emails the buyer about a shipment: the store or our SMTP email. `not_enabled` without a store. */
		setNotifier: handler(z.object({ notifier: BuyerNotifier }), (input) =>
			deps.writes.run(async () => {
				const connection = await readConnection(deps);
				if (!connection) return err('not_enabled', 'Connect your web store first.');
				await deps.db.settings.put({
					key: CONNECTION_ROW,
					value: { ...connection, notifier: input.notifier }
				});
				return ok();
			})
		),

		/** Forgets the store and its keys; orders already here stay. */
		disconnect: handler(z.object({}), () =>
			deps.writes.run(async () => {
				await deps.db.settings.bulkDelete([CONNECTION_ROW, SYNC_ROW]);
				return ok();
			})
		),

		/** Asks the store whether it accepts the credentials; the answer is saved in words. */
		testConnection: handler(z.object({}), async () => {
			const built = await storefrontFor(deps);
			if (!built.ok) return built;
			const { adapter, connection } = built.value;
			const result = await adapter.testConnection();
			const name = STOREFRONT_NAMES[connection.storefrontId];
			const lastTest = {
				at: deps.now().toISOString(),
				ok: result.ok,
				message: result.ok
					? `${name} accepted the credentials (${result.value.shopName}).`
					: result.error.message
			};
			await deps.writes.run(async () => {
				const latest = await readConnection(deps);
				if (latest)
					await deps.db.settings.put({ key: CONNECTION_ROW, value: { ...latest, lastTest } });
			});
			return result.ok ? ok(lastTest) : result;
		}),

		/**
		 * Pulls the store's new and changed orders (one tab at a time), then tells the store about
		 * queued shipments. Returns the sync in words; the store's failure in words (what came in
		 * before it stays, and the next sync resumes there). `skipped` when another tab syncs or a
		 * sync ran within `unlessSyncedWithinMs`.
		 */
		sync: handler(
			z.object({ unlessSyncedWithinMs: z.number().int().positive().optional() }),
			async (input): Promise<Result<SyncRound>> => {
				if (!(await readConnection(deps))) return ok({ skipped: true });
				const round = await deps.locks.runExclusive('storefront-sync', async () => {
					const last = ((await deps.db.settings.get(SYNC_ROW))?.value as { last?: { at: string } })
						?.last;
					const age = last ? deps.now().getTime() - Date.parse(last.at) : Infinity;
					if (input.unlessSyncedWithinMs && age >= 0 && age < input.unlessSyncedWithinMs)
						return null;
					const synced = await syncStore(deps);
					const pushed = await sendStorePushes(deps);
					return synced.ok ? ok({ ...synced.value, pushed: pushed.sent }) : synced;
				});
				return round ?? ok({ skipped: true });
			}
		),

		/** Sends a push that failed again by hand; `not_found` for no such push. */
		retryPush: handler(z.object({ pushId: z.string() }), async (input) => {
			const push = await deps.db.storePushes.get(input.pushId);
			if (!push) return err('not_found', 'That store update is not here any more.');
			await deps.writes.run(() =>
				deps.db.storePushes.update(input.pushId, { state: 'retrying', attempts: 0 })
			);
			return ok(await sendStorePushes(deps));
		})
	};
}
