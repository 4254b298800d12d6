import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, renderShipmentEmail, type ShipmentEmailData } from './email-template';

const data: ShipmentEmailData = {
	orderNumber: '1042',
	buyerName: 'Cody Walters',
	dealerName: 'Ridge Line Powersports',
	carrier: 'UPS',
	trackingNumber: '1Z999AA10123456784',
	trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
	items: [{ title: 'EBC Sintered Brake Pads Front', quantity: 2 }],
	isPartial: false
};

describe('shipment email', () => {
	it('fills subject, text and HTML with the shipment', () => {
		const email = renderShipmentEmail(DEFAULT_TEMPLATES, data);
		expect(email.subject).toBe('Your order 1042 is on the way');
		expect(email.text).toContain('Hi Cody Walters,');
		expect(email.text).toContain('- 2 × EBC Sintered Brake Pads Front');
		expect(email.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(email.html).toContain(
			'<a href="https://www.ups.com/track?tracknum=1Z999AA10123456784">1Z999AA10123456784</a>'
		);
	});

	it('words a partial shipment differently', () => {
		const email = renderShipmentEmail(DEFAULT_TEMPLATES, { ...data, isPartial: true });
		expect(email.text).toContain('Some of your items from order 1042 are on the way');
	});

	it('escapes every value in the HTML and keeps subjects on one line', () => {
		const email = renderShipmentEmail(
			{ ...DEFAULT_TEMPLATES, subject: '{{buyerName}} order' },
			{
				...data,
				buyerName: '<img src=x onerror=alert(1)>\r\nBcc: x@evil.example',
				items: [{ title: '<b>pads</b>', quantity: 1 }]
			}
		);
		expect(email.html).not.toContain('<img');
		expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(email.html).toContain('&lt;b&gt;pads&lt;/b&gt;');
		expect(email.subject).not.toMatch(/[\r\n]/);
	});

	it('never links to a non-https address', () => {
		const email = renderShipmentEmail(DEFAULT_TEMPLATES, {
			...data,
			trackingUrl: 'javascript:alert(1)'
		});
		expect(email.html).toContain('href="#"');
	});
});
