import type { Page } from 'playwright-core';

/**
 * Fills the app's own database (already opened and upgraded by the app) with a large shop: `orders`
 * orders with two items each, one PO per order with one line, ten shipments per shipped PO and
 * one shipment email per shipped order. Runs in the page through raw IndexedDB, a chunk per
 * transaction, after the app's demo seed. The newest orders are waiting or have open POs, so the
 * dashboard, the tracking refresh and the to-do list have real work; the rest is history.
 */
export interface ScaleShape {
	orders: number;
	shipments: number;
	/** The newest orders: no PO yet. */
	waiting: number;
	/** The next newest: a PO submitted and awaiting tracking. */
	open: number;
	now: string;
}

export function seedScale(page: Page, shape: ScaleShape): Promise<Record<string, number>> {
	return page.evaluate(async (shape) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('dropship-desk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const put = (store: string, rows: object[]) =>
			new Promise<void>((resolve, reject) => {
				const tx = db.transaction(store, 'readwrite');
				const os = tx.objectStore(store);
				for (const row of rows) os.put(row);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
		const CHUNK = 5000;
		const counts: Record<string, number> = {};
		const buffers: Record<string, object[]> = {};
		const add = async (store: string, row: object) => {
			const buffer = (buffers[store] ??= []);
			buffer.push(row);
			counts[store] = (counts[store] ?? 0) + 1;
			if (buffer.length >= CHUNK) await put(store, buffer.splice(0));
		};
		const now = Date.parse(shape.now);
		const iso = (ms: number) => new Date(ms).toISOString();
		const distributors = ['wps', 'pu', 'tucker', 'automatic'] as const;
		const shipTo = {
			name: 'Sam Rider',
			line1: '12 Trail Rd',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702',
			country: 'US'
		};
		const perPo = Math.ceil(shape.shipments / (shape.orders - shape.waiting - shape.open));
		let shipmentsLeft = shape.shipments;
		for (let i = 0; i < shape.orders; i++) {
			// i = 0 is the newest; one order every ~26 minutes back over the last year.
			const created = now - 60_000 - i * Math.floor((365 * 86_400_000) / shape.orders);
			const id = `scale-o${i}`;
			const isWaiting = i < shape.waiting;
			const isOpen = !isWaiting && i < shape.waiting + shape.open;
			const state = isWaiting ? 'new' : isOpen ? 'dropshipped' : 'done';
			const email = `buyer${i % 5000}@example.com`;
			await add('orders', {
				id,
				number: `S${100000 + i}`,
				createdAt: iso(created),
				buyer: { name: `Buyer ${i}`, email },
				shipTo,
				totalCents: 12_998,
				state,
				source: 'csv'
			});
			for (const lineNo of [1, 2]) {
				await add('orderItems', {
					id: `${id}-i${lineNo}`,
					orderId: id,
					lineNo,
					title: lineNo === 1 ? 'Brake pads' : 'Air filter',
					sku: `PU${1000 + (i % 900)}-${lineNo}`,
					quantity: lineNo,
					unitPriceCents: 4_333
				});
			}
			if (isWaiting) continue;
			const distributorId = distributors[i % distributors.length] ?? 'wps';
			const poId = `scale-po${i}`;
			const poAt = iso(created + 3_600_000);
			await add('purchaseOrders', {
				id: poId,
				poNumber: `SC${String(i).padStart(6, '0')}`,
				orderId: id,
				distributorId,
				isManual: false,
				state: isOpen ? 'submitted' : 'confirmed',
				shipState: isOpen ? 'awaiting' : 'shipped',
				distributorRefs: [`R${i}`],
				shipTo,
				shippingMethod: 'ground',
				// Open POs are a few days old and due next day: the dashboard lists them as late.
				leadTimeDays: 1,
				costCents: 8_000,
				createdAt: poAt,
				updatedAt: poAt,
				history: [{ at: poAt, state: isOpen ? 'submitted' : 'confirmed' }]
			});
			await add('poLines', {
				id: `${poId}-l1`,
				poId,
				orderItemId: `${id}-i1`,
				lineNo: 1,
				sku: `${1000 + (i % 900)}-1`,
				quantity: 1,
				unitCostCents: 8_000,
				status: 'accepted'
			});
			if (isOpen) continue;
			for (let s = 0; s < perPo && shipmentsLeft > 0; s++, shipmentsLeft--) {
				await add('shipments', {
					id: `${poId}-s${s}`,
					poId,
					carrier: 'UPS',
					trackingNumbers: [`1Z${String(i).padStart(8, '0')}${String(s).padStart(4, '0')}`],
					lines: [{ sku: `${1000 + (i % 900)}-1`, quantity: 1 }],
					receivedAt: iso(created + 86_400_000 + s * 3_600_000)
				});
			}
			await add('outbox', {
				id: `scale-m${i}`,
				dedupeKey: `${id}:1Z${i}`,
				orderId: id,
				poId,
				to: email,
				subject: `Your order S${100000 + i} has shipped`,
				text: `Hello Buyer ${i}, your order is on its way. UPS 1Z${i}.`,
				html: `<p>Hello Buyer ${i},</p><p>your order is on its way: UPS 1Z${i}.</p>`,
				state: 'sent',
				attempts: 1,
				createdAt: iso(created + 86_400_000),
				sentAt: iso(created + 86_400_000 + 5_000)
			});
		}
		for (const [store, rows] of Object.entries(buffers)) if (rows.length) await put(store, rows);
		db.close();
		return counts;
	}, shape);
}
