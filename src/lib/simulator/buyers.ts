/**
 * The simulated buyers (name, city, state, ZIP, street): the demo's imported orders and the
 * simulated web stores' arrivals both draw from them.
 */
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
