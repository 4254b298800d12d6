import { readSettings, writeSettings } from '$lib/db/writes';
import type { Address } from '$lib/domain/address';
import type { DistributorId } from '$lib/domain/distributor';
import { openQuantity } from '$lib/domain/fulfilment';
import { lineHold } from '$lib/domain/order';
import { formatPoNumber, poNumberProblem } from '$lib/domain/po-number';
import { shipToProblem } from '$lib/domain/ship-to';
import { storeHold } from '$lib/domain/store-state';
import type { PoLine, PoState, PurchaseOrder, ShippingMethod } from '$lib/domain/purchase-order';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { readSyncConfig } from '../sync/config';
import { refreshOrderState } from './records';

export interface NewPo {
	orderId: string;
	distributorId: DistributorId;
	poNumber?: string;
	shipTo: Address;
	shippingMethod: ShippingMethod;
	warehouse?: string;
	leadTimeDays: number;
	isManual: boolean;
	state: PoState;
	distributorRefs: string[];
	/** The first history note; says why the PO waits when it does. */
	note?: string;
	lines: { orderItemId: string; sku: string; quantity: number; unitCostCents: number }[];
}

/**
 * Writes a new PO and its lines in one transaction, after checking inside that same transaction
 * that every item still has the quantity open (so two tabs or two clicks cannot both cover it) and
 * that the PO number is unused. A generated PO number takes the next sequence number.
 */
export async function createPo(deps: ApiDeps, input: NewPo): Promise<Result<PurchaseOrder>> {
	const db = deps.db;
	return deps.writes.run(() =>
		db.transaction(
			'rw',
			[db.orders, db.orderItems, db.purchaseOrders, db.poLines, db.settings],
			async () => {
				const order = await db.orders.get(input.orderId);
				if (!order) return err('not_found', 'That order is not here any more.');
				const items = await db.orderItems.where('orderId').equals(order.id).toArray();
				const pos = await db.purchaseOrders.where('orderId').equals(order.id).toArray();
				const existingLines = await db.poLines
					.where('poId')
					.anyOf(pos.map((p) => p.id))
					.toArray();
				const settings = await readSettings(db);
				// The last guard before money is spent: a PO sent to a distributor for an order the
				// store cancelled, has not been paid for, or fulfilled itself cannot be sold. A PO the
				// dealer placed by hand is only recorded here; they have decided.
				const held = input.isManual
					? null
					: storeHold(order.storeState, {
							isAuthorizedShippable: settings.isAuthorizedShippable
						});
				if (held) return err('conflict', `${held}: order ${order.number} is not drop-shipped.`);
				const abroad = input.isManual
					? null
					: shipToProblem(input.distributorId, input.shipTo.country);
				if (abroad) return err('invalid_address', `Not drop-shipped: ${abroad}.`);
				for (const line of input.lines) {
					const item = items.find((i) => i.id === line.orderItemId);
					if (!item) return err('not_found', 'That item is not on this order.');
					const notOurs = lineHold(item);
					if (notOurs) return err('conflict', `"${item.title}": ${notOurs}.`);
					const open = openQuantity(item, pos, existingLines);
					if (line.quantity > open) {
						return err(
							'conflict',
							open === 0
								? `"${item.title}" already has a purchase order.`
								: `Only ${open} of "${item.title}" are left to drop-ship.`
						);
					}
				}
				let sequence = settings.poSequence;
				let poNumber = input.poNumber;
				if (!poNumber) {
					sequence += 1;
					poNumber = formatPoNumber(settings.dealer.poPrefix, sequence, await deviceLetter(db));
				}
				const problem = poNumberProblem(poNumber, input.distributorId);
				if (problem) return err('validation', problem, { field: 'poNumber' });
				if (await db.purchaseOrders.where('poNumber').equals(poNumber).count()) {
					return err('duplicate_po', `PO number ${poNumber} is already used. Choose another.`, {
						field: 'poNumber'
					});
				}
				if (sequence !== settings.poSequence)
					await writeSettings(db, { ...settings, poSequence: sequence });
				const now = deps.now().toISOString();
				const po: PurchaseOrder = {
					id: deps.newId(),
					poNumber,
					orderId: order.id,
					distributorId: input.distributorId,
					isManual: input.isManual,
					state: input.state,
					shipState: 'awaiting',
					distributorRefs: input.distributorRefs,
					shipTo: input.shipTo,
					shippingMethod: input.shippingMethod,
					...(input.warehouse ? { warehouse: input.warehouse } : {}),
					leadTimeDays: input.leadTimeDays,
					costCents: input.lines.reduce((n, l) => n + l.quantity * l.unitCostCents, 0),
					createdAt: now,
					updatedAt: now,
					history: [
						{
							at: now,
							state: input.state,
							note:
								input.note ??
								(input.isManual ? 'Recorded as placed by hand' : 'Written before sending')
						}
					]
				};
				const lines: PoLine[] = input.lines.map((l, index) => ({
					id: `${po.id}-${index + 1}`,
					poId: po.id,
					orderItemId: l.orderItemId,
					lineNo: index + 1,
					sku: l.sku,
					quantity: l.quantity,
					unitCostCents: l.unitCostCents,
					status: input.isManual ? 'accepted' : 'pending'
				}));
				await db.purchaseOrders.add(po);
				await db.poLines.bulkAdd(lines);
				await refreshOrderState(db, order.id);
				return ok(po);
			}
		)
	);
}

/** This device's letter when the shop syncs (sync settings), else none. */
async function deviceLetter(db: ApiDeps['db']): Promise<string> {
	const config = await readSyncConfig(db);
	return config?.deviceLetter ?? '';
}

/** The PO number the next drop-ship will get, without taking it. */
export async function peekPoNumber(deps: ApiDeps): Promise<string> {
	const settings = await readSettings(deps.db);
	return formatPoNumber(
		settings.dealer.poPrefix,
		settings.poSequence + 1,
		await deviceLetter(deps.db)
	);
}
