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

export const DEMO_BUYERS = [
	['Jake Morrison', 'Boise', 'ID', '83702', '1420 W Main St'],
	['Samantha Ruiz', 'Fresno', 'CA', '93721', '2290 Tulare St'],
	['Tyler Brooks', 'Austin', 'TX', '78704', '908 S Congress Ave'],
	['Megan O’Connell', 'Harrisburg', 'PA', '17101', '115 Market St'],
	['Carlos Mendoza', 'Phoenix', 'AZ', '85004', '44 N Central Ave'],
	['Brittany Hayes', 'Nashville', 'TN', '37203', '601 Broadway'],
	['Dustin Clarke', 'Grand Junction', 'CO', '81501', '320 Colorado Ave'],
	['Ashley Nguyen', 'Portland', 'OR', '97209', '1001 NW Lovejoy St'],
	['Cody Walters', 'Madison', 'WI', '53703', '22 E Mifflin St'],
	['Kayla Peterson', 'Raleigh', 'NC', '27601', '333 Fayetteville St'],
	['Travis Holt', 'Reno', 'NV', '89501', '50 W Liberty St'],
	['Heather Simmons', 'Orlando', 'FL', '32801', '255 S Orange Ave'],
	['Brandon Lee', 'Springfield', 'IL', '62701', '1 W Old State Capitol Plz'],
	['Jessica Park', 'Billings', 'MT', '59101', '2822 3rd Ave N'],
	['Ryan Kowalski', 'Toledo', 'OH', '43604', '640 Jackson St'],
	['Amber Fields', 'Tulsa', 'OK', '74103', '175 E 2nd St'],
	['Derek Yoder', 'Lancaster', 'PA', '17602', '48 N Queen St'],
	['Lauren Bishop', 'Spokane', 'WA', '99201', '808 W Spokane Falls Blvd'],
	['Marcus Green', 'Atlanta', 'GA', '30303', '55 Trinity Ave SW'],
	['Chelsea Moore', 'Salt Lake City', 'UT', '84111', '451 S State St'],
	['Kyle Jensen', 'Sioux Falls', 'SD', '57104', '224 W 9th St'],
	['Nicole Rivera', 'Albuquerque', 'NM', '87102', '1 Civic Plaza NW'],
	['Austin Reed', 'Knoxville', 'TN', '37902', '400 Main St'],
	['Tiffany Scott', 'Bakersfield', 'CA', '93301', '1600 Truxtun Ave'],
	['Logan Hart', 'Casper', 'WY', '82601', '200 N David St'],
	['Rachel Adams', 'Burlington', 'VT', '05401', '149 Church St'],
	['Zach Turner', 'Little Rock', 'AR', '72201', '500 W Markham St'],
	['Emily Carter', 'Des Moines', 'IA', '50309', '400 Robert D Ray Dr'],
	['Garrett Dunn', 'Anchorage', 'AK', '99501', '632 W 6th Ave'],
	['Olivia Brooks-Whitfield', 'Columbia', 'SC', '29201', '1737 Main St']
] as const;
