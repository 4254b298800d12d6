import { z } from 'zod';

/**
 * The shipment email the buyer gets, from templates the dealer edits. Placeholders are
 * `{{name}}`; in the HTML body every value is escaped, so a buyer called
 * `<img src=x onerror=…>` is printed as text, never run.
 */
export const EmailTemplates = z.object({
	subject: z.string().min(1).max(200),
	text: z.string().min(1).max(10_000),
	html: z.string().min(1).max(20_000)
});
export type EmailTemplates = z.infer<typeof EmailTemplates>;

export const DEFAULT_TEMPLATES: EmailTemplates = {
	subject: 'Your order {{orderNumber}} is on the way',
	text: [
		'Hi {{buyerName}},',
		'',
		'{{shipmentNote}}',
		'',
		'{{items}}',
		'',
		'Carrier: {{carrier}}',
		'Tracking number: {{trackingNumber}}',
		'Track it: {{trackingUrl}}',
		'',
		'Thanks for riding with us,',
		'{{dealerName}}'
	].join('\n'),
	html: [
		'<p>Hi {{buyerName}},</p>',
		'<p>{{shipmentNote}}</p>',
		'{{items}}',
		'<p>Carrier: {{carrier}}<br>Tracking number: <a href="{{trackingUrl}}">{{trackingNumber}}</a></p>',
		'<p>Thanks for riding with us,<br>{{dealerName}}</p>'
	].join('\n')
};

export interface ShipmentEmailData {
	orderNumber: string;
	buyerName: string;
	dealerName: string;
	carrier: string;
	trackingNumber: string;
	trackingUrl: string | null;
	items: { title: string; quantity: number }[];
	/** Other items of the order are still to come. */
	isPartial: boolean;
}

export const PLACEHOLDERS = [
	'orderNumber',
	'buyerName',
	'dealerName',
	'carrier',
	'trackingNumber',
	'trackingUrl',
	'shipmentNote',
	'items'
] as const;

export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function renderShipmentEmail(
	templates: EmailTemplates,
	data: ShipmentEmailData
): {
	subject: string;
	text: string;
	html: string;
} {
	const note = data.isPartial
		? `Some of your items from order ${data.orderNumber} are on the way; the rest will follow.`
		: `Your order ${data.orderNumber} is on the way.`;
	const plain: Record<string, string> = {
		orderNumber: data.orderNumber,
		buyerName: data.buyerName,
		dealerName: data.dealerName,
		carrier: data.carrier,
		trackingNumber: data.trackingNumber,
		trackingUrl: data.trackingUrl ?? '(the carrier will show it under the tracking number)',
		shipmentNote: note,
		items: data.items.map((i) => `- ${i.quantity} × ${i.title}`).join('\n')
	};
	const html: Record<string, string> = Object.fromEntries(
		Object.entries(plain).map(([key, value]) => [key, escapeHtml(value)])
	);
	html.items = `<ul>${data.items.map((i) => `<li>${i.quantity} × ${escapeHtml(i.title)}</li>`).join('')}</ul>`;
	// A link only to the carrier's https page; anything else is not a link target.
	html.trackingUrl = data.trackingUrl?.startsWith('https://') ? escapeHtml(data.trackingUrl) : '#';
	return {
		subject: fill(templates.subject, plain).replace(/[\r\n]+/g, ' '),
		text: fill(templates.text, plain),
		html: fill(templates.html, html)
	};
}
