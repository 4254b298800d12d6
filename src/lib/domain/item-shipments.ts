import type { PoLine, PurchaseOrder, Shipment } from './purchase-order';

/** One shipment of an order item, as the order page shows it beside the item. */
export interface ItemShipment {
	shipmentId: string;
	poNumber: string;
	carrier: string;
	trackingNumbers: string[];
	shipDate?: string;
	/** How many of the item the shipment carries, when the distributor said per line. */
	quantity?: number;
}

/**
 * The shipments that carry an item: those of the POs it is on, narrowed to the shipment lines of
 * its SKU when the distributor listed lines (a PO of several items may ship in several boxes); a
 * shipment with no lines carries the whole PO.
 */
export function shipmentsOfItem(
	itemId: string,
	lines: readonly Pick<PoLine, 'poId' | 'orderItemId' | 'sku'>[],
	purchaseOrders: readonly Pick<PurchaseOrder, 'id' | 'poNumber'>[],
	shipments: readonly Shipment[]
): ItemShipment[] {
	const result: ItemShipment[] = [];
	for (const line of lines.filter((l) => l.orderItemId === itemId)) {
		const po = purchaseOrders.find((p) => p.id === line.poId);
		if (!po) continue;
		for (const shipment of shipments.filter((s) => s.poId === po.id)) {
			const sku = line.sku.toUpperCase();
			const carried = shipment.lines.filter((l) => l.sku.toUpperCase() === sku);
			if (shipment.lines.length > 0 && carried.length === 0) continue;
			result.push({
				shipmentId: shipment.id,
				poNumber: po.poNumber,
				carrier: shipment.carrier,
				trackingNumbers: shipment.trackingNumbers,
				...(shipment.shipDate ? { shipDate: shipment.shipDate } : {}),
				...(carried.length > 0 ? { quantity: carried.reduce((n, l) => n + l.quantity, 0) } : {})
			});
		}
	}
	return result;
}
