import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TrackingLink from './TrackingLink.svelte';

describe('TrackingLink', () => {
	it("links a number to its carrier's page, in a new tab", () => {
		render(TrackingLink, { number: '1Z999AA10123456784', carrier: 'UG' });
		const link = screen.getByRole('link', { name: '1Z999AA10123456784' });
		expect(link).toHaveAttribute('href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(link).toHaveAttribute('target', '_blank');
		expect(link).toHaveAttribute('rel', 'noopener noreferrer');
	});

	it('the distributor’s carrier name decides an ambiguous number', () => {
		render(TrackingLink, { number: '123456789012', carrier: 'FEDEX' });
		expect(screen.getByRole('link')).toHaveAttribute(
			'href',
			'https://www.fedex.com/fedextrack/?trknbr=123456789012'
		);
	});

	it('shows a number of an unknown carrier as text', () => {
		render(TrackingLink, { number: 'LOCAL-77', carrier: 'Truck' });
		expect(screen.queryByRole('link')).toBeNull();
		expect(screen.getByText('LOCAL-77')).toBeInTheDocument();
	});
});
