import { z } from 'zod';

/**
 * Which of the two databases is open: the demo dealer's or the dealer's own shop. They are two
 * IndexedDB databases, never one with flags, so nothing of the demo can reach a live distributor
 * or a real buyer, and trying something in the demo never touches the shop.
 */
export const Workspace = z.enum(['demo', 'shop']);
export type Workspace = z.infer<typeof Workspace>;

/**
 * The demo keeps the name the single database always had: an install from before the split
 * opens its data as the demo, which it is (it was seeded with the demo dealer).
 */
export const DATABASE_NAMES: Readonly<Record<Workspace, string>> = {
	demo: 'dropship-desk',
	shop: 'dropship-desk-shop'
};
