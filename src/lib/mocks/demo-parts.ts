/**
 * The vocabulary of the demo catalog: real powersports brands and the kinds of parts dealers sell
 * every day. Part numbers are generated; none is a real distributor's number.
 */
export const DEMO_BRANDS = [
	'Fly Racing',
	'EBC',
	'Moose Racing',
	'Pro Taper',
	'K&N',
	'HiFloFiltro',
	'D.I.D',
	'RK',
	'Renthal',
	'Vortex',
	'Motion Pro',
	'All Balls Racing',
	'Shinko',
	'Dunlop',
	'Maxima',
	'Bel-Ray',
	'NGK',
	'Yuasa',
	'Kenda',
	'Oakley',
	'100%',
	'Alpinestars',
	'Barnett',
	'Hinson',
	'Polisport',
	'Acerbis',
	'Cycra',
	'Works Connection',
	'Pro Circuit',
	'Twin Air'
] as const;

export interface PartKind {
	name: string;
	/** Dealer cost range in dollars. */
	cost: [number, number];
	/** Suffixes that make descriptions varied: fitment, size, colour. */
	variants: readonly string[];
}

export const DEMO_PART_KINDS: readonly PartKind[] = [
	{
		name: 'Oil Filter',
		cost: [4, 12],
		variants: [
			'Honda CRF450R',
			'Yamaha YZ250F',
			'KTM 350 SX-F',
			'Kawasaki KX450',
			'Polaris RZR 1000'
		]
	},
	{
		name: 'Sintered Brake Pads',
		cost: [18, 45],
		variants: ['Front', 'Rear', 'Front HH', 'Rear Off-Road']
	},
	{ name: '520 O-Ring Chain 120 Links', cost: [45, 110], variants: ['Gold', 'Natural', 'Black'] },
	{ name: 'Rear Sprocket', cost: [25, 70], variants: ['48T', '49T', '50T', '51T', '52T'] },
	{ name: 'Front Sprocket', cost: [12, 30], variants: ['13T', '14T', '15T'] },
	{
		name: 'Handlebar 7/8 in',
		cost: [40, 120],
		variants: ['CR High', 'Mini High', 'Windham Bend', 'RC Bend']
	},
	{ name: 'Grips', cost: [8, 25], variants: ['Half Waffle', 'Full Diamond', 'Lock-On'] },
	{ name: 'Spark Plug', cost: [4, 14], variants: ['CR8E', 'CPR8EA-9', 'LMAR8A-9', 'BR8ES'] },
	{
		name: 'AGM Battery',
		cost: [45, 160],
		variants: ['YTX14-BS', 'YTZ10S', 'YTX20L-BS', 'YB16CL-B']
	},
	{
		name: 'Air Filter',
		cost: [18, 55],
		variants: ['Honda TRX450R', 'Yamaha Grizzly 700', 'Can-Am Outlander', 'Harley Sportster']
	},
	{
		name: 'Tire 110/90-19',
		cost: [60, 140],
		variants: ['Rear Intermediate', 'Rear Soft', 'Rear Hard Pack']
	},
	{ name: 'Tire 80/100-21', cost: [55, 120], variants: ['Front Intermediate', 'Front Soft'] },
	{
		name: 'Clutch Kit',
		cost: [60, 180],
		variants: ['Complete', 'Fibres Only', 'Heavy Duty Springs']
	},
	{ name: 'Clutch Lever', cost: [12, 60], variants: ['Black', 'Silver', 'Folding'] },
	{ name: 'Fork Seal Kit', cost: [18, 40], variants: ['48 mm', '49 mm', '43 mm'] },
	{ name: 'Wheel Bearing Kit', cost: [15, 35], variants: ['Front', 'Rear'] },
	{ name: 'Full Synthetic 4T Oil 10W-40 1 qt', cost: [9, 15], variants: ['Single', 'Case of 12'] },
	{ name: 'Chain Lube 13 oz', cost: [7, 14], variants: ['Off-Road', 'Street'] },
	{
		name: 'Brake Rotor',
		cost: [70, 180],
		variants: ['Front 270 mm', 'Rear 240 mm', 'Oversize 280 mm']
	},
	{ name: 'MX Goggles', cost: [25, 90], variants: ['Clear Lens', 'Mirror Lens', 'Youth'] },
	{ name: 'Riding Gloves', cost: [15, 45], variants: ['S', 'M', 'L', 'XL'] },
	{ name: 'Radiator Guards', cost: [60, 150], variants: ['Black', 'Silver'] },
	{ name: 'Skid Plate', cost: [55, 160], variants: ['Aluminium', 'Plastic'] },
	{ name: 'Front Fender', cost: [18, 40], variants: ['White', 'Black', 'Red', 'Blue'] }
];

// The buyers live with the simulators (the web stores' arrivals use them too); the demo data
// takes them from there.
export { DEMO_BUYERS } from '$lib/simulator/buyers';
