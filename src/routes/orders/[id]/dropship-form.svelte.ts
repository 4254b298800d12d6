import { Address } from '$lib/domain/address';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { marginPercent, type DropshipOption } from '$lib/domain/dropship-option';
import type { Order, OrderItem } from '$lib/domain/order';
import { poNumberProblem } from '$lib/domain/po-number';
import type { ShippingMethod } from '$lib/domain/purchase-order';
import { Action } from '$lib/state/action.svelte';
import type { Client } from '$lib/worker-client/client.svelte';

export interface DropshipFormProps {
	order: Order;
	item: OrderItem;
	openQuantity: number;
	options: DropshipOption[];
	/** The order's other items still open: they may share this PO when the distributor has them. */
	siblings: { item: OrderItem; openQuantity: number }[];
}

const keyOf = (o: DropshipOption) => `${o.distributorId}:${o.sku}`;

/**
 * What the Dropship dialog holds while the dealer decides: the chosen offer (the SKU swap), the
 * ship-to copy, quantity, shipping, PO number, the other items that may share the PO, and the
 * placing itself. The markup lives in DropshipDialog.svelte.
 */
export class DropshipForm {
	chosenKey = $state('');
	// The dialog edits its own copy of the address, taken when it opens.
	shipTo = $state<Order['shipTo']>({
		name: '',
		line1: '',
		city: '',
		state: '',
		postalCode: '',
		country: 'US'
	});
	quantity = $state(1);
	shippingMethod = $state<ShippingMethod>('ground');
	poNumber = $state('');
	siblingOptions = $state<{ item: OrderItem; openQuantity: number; options: DropshipOption[] }[]>(
		[]
	);
	addedIds = $state<string[]>([]);
	isSiblingsChecked = $state(false);
	readonly placing = new Action();

	readonly eligible = $derived.by(() => this.props().options.filter((o) => o.isEligible));
	readonly chosen = $derived.by(() =>
		this.props().options.find((o) => keyOf(o) === this.chosenKey)
	);
	readonly margin = $derived.by(() =>
		this.chosen
			? marginPercent(
					this.props().item.unitPriceCents,
					this.chosen.costCents,
					this.chosen.dropShipFeeCents
				)
			: 0
	);
	readonly poProblem = $derived.by(() =>
		this.chosen && this.poNumber ? poNumberProblem(this.poNumber, this.chosen.distributorId) : null
	);
	/** Other items of the order the chosen distributor can drop-ship too: one PO for them all. */
	readonly shareable = $derived.by(() =>
		this.siblingOptions
			.map((s) => ({
				...s,
				option: s.options.find(
					(o) => o.isEligible && o.distributorId === this.chosen?.distributorId
				)
			}))
			.filter((s) => s.option !== undefined)
	);

	constructor(
		private readonly client: Client,
		private readonly props: () => DropshipFormProps
	) {}

	static keyOf = keyOf;

	/** Once, when the dialog opens: later changes to the order (liveQuery) must not reset the form. */
	start(): void {
		const { order, options, openQuantity, siblings } = this.props();
		this.shipTo = { ...order.shipTo };
		const first = options.find((o) => o.isEligible);
		this.chosenKey = first ? keyOf(first) : '';
		this.quantity = openQuantity;
		void Promise.all(
			siblings
				.filter((s) => s.openQuantity > 0)
				.map(async (s) => {
					const answer = await this.client.catalog.optionsForItem({ orderItemId: s.item.id });
					return { ...s, options: answer.ok ? answer.value.options : [] };
				})
		).then((found) => {
			this.siblingOptions = found;
			this.isSiblingsChecked = true;
		});
		// The shop's default (Settings › Shop), asked once as the dialog opens.
		void this.client.settings.get({}).then((saved) => {
			if (saved.ok) this.shippingMethod = saved.value.defaultShippingMethod;
		});
		void this.client.purchaseOrders.nextPoNumber({}).then((r) => {
			if (r.ok) this.poNumber = r.value;
		});
	}

	/** Places the PO; answers its number when placed (or saved to wait for the network). */
	async place(): Promise<string | null> {
		const chosen = this.chosen;
		if (!chosen || this.placing.isBusy) return null;
		const { order, item } = this.props();
		const address = Address.safeParse(this.shipTo);
		if (!address.success) {
			const issue = address.error.issues[0];
			const path = issue?.path.join('.') ?? '';
			this.placing.fail(`Ship-to ${path} ${issue?.message ?? ''}`.trim(), `shipTo.${path}`);
			return null;
		}
		const name = DISTRIBUTORS[chosen.distributorId].name;
		const placed = await this.placing.run(
			() =>
				this.client.purchaseOrders.place({
					orderId: order.id,
					distributorId: chosen.distributorId,
					poNumber: this.poNumber,
					shipTo: address.data,
					shippingMethod: this.shippingMethod,
					leadTimeDays: chosen.leadTimeDays,
					...(chosen.warehouse ? { warehouse: chosen.warehouse } : {}),
					lines: [
						{
							orderItemId: item.id,
							sku: chosen.sku,
							quantity: this.quantity,
							unitCostCents: chosen.costCents
						},
						...this.shareable
							.filter((s) => this.addedIds.includes(s.item.id) && s.option)
							.map((s) => ({
								orderItemId: s.item.id,
								sku: s.option?.sku ?? '',
								quantity: s.openQuantity,
								unitCostCents: s.option?.costCents ?? 0
							}))
					]
				}),
			(po) =>
				po.state === 'queued'
					? `PO ${po.poNumber} is saved. Waiting for the network — will be placed with ${name} when you're back online.`
					: `Placed with ${name} as PO ${po.poNumber}.`
		);
		if (!placed) return null;
		if (placed.ok) return placed.value.poNumber;
		const isStockNews = ['out_of_stock', 'unknown_sku', 'price_changed'].includes(
			placed.error.code
		);
		if (isStockNews && this.eligible.length > 1)
			this.placing.fail(
				`${placed.error.message} Pick another distributor above.`,
				placed.error.field
			);
		return null;
	}
}
