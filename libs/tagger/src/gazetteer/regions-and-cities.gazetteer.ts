import type { GazetteerEntry } from './gazetteer-entry';

const locations = (names: string): GazetteerEntry[] =>
  names
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((name) => ({ name, type: 'LOCATION' }));

// Places that only need a type, not a curated id: their ids become `nf:location:<slug>`.
// Left out on purpose: names that are common words or people ("Georgia", "Jersey", "Victoria", "Reading").
export const REGIONS_AND_CITIES: readonly GazetteerEntry[] = locations(`
  Alabama, Alaska, Arizona, Arkansas, Colorado, Connecticut, Delaware, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas,
  Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska,
  Nevada, New Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma, Oregon,
  Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Utah, Vermont, Virginia, West Virginia,
  Wisconsin, Wyoming, Ontario, Quebec, British Columbia, Alberta, Manitoba, Saskatchewan, Nova Scotia, New Brunswick,
  Newfoundland, Queensland, New South Wales, Tasmania, Bavaria, Saxony, Catalonia, Andalusia, Lombardy, Sicily,
  Sardinia, Tuscany, Corsica, Brittany, Normandy, Provence, Flanders, Wallonia, Siberia, Chechnya, Donbas, Kashmir,
  Punjab, Bengal, Tibet, Xinjiang, Manchuria, Mongolia, Kurdistan, Darfur, Sahara, Sahel, Balkans, Caucasus,
  Scandinavia, Patagonia, Amazonia, Caribbean, Mediterranean, Baltic, Pacific, Atlantic, Arctic,
  Houston, Dallas, Austin, San Antonio, Phoenix, Philadelphia, San Diego, San Jose, Seattle, Denver, Atlanta, Detroit,
  Baltimore, Pittsburgh, Cleveland, Cincinnati, Minneapolis, St. Louis, New Orleans, Nashville, Memphis, Portland,
  Las Vegas, Sacramento, Honolulu, Anchorage, Montreal, Vancouver, Ottawa, Calgary, Edmonton, Winnipeg, Melbourne,
  Brisbane, Perth, Adelaide, Auckland, Wellington, Manchester, Liverpool, Birmingham, Leeds, Glasgow, Edinburgh,
  Cardiff, Belfast, Bristol, Oxford, Cambridge, Hamburg, Frankfurt, Cologne, Stuttgart, Dresden, Leipzig, Marseille,
  Lyon, Toulouse, Nice, Bordeaux, Strasbourg, Milan, Naples, Turin, Florence, Venice, Barcelona, Valencia, Seville,
  Porto, Rotterdam, The Hague, Antwerp, Zurich, Copenhagen, Oslo, Helsinki, Reykjavik, Tallinn, Riga, Vilnius,
  Minsk, Bucharest, Sofia, Belgrade, Zagreb, Ljubljana, Sarajevo, Skopje, Tirana, Chisinau, Kharkiv, Odesa, Lviv,
  Dnipro, Mariupol, Donetsk, Luhansk, Bakhmut, Saint Petersburg, St. Petersburg, Novosibirsk, Tbilisi, Yerevan, Baku,
  Ankara, Izmir, Beirut, Damascus, Aleppo, Baghdad, Mosul, Basra, Erbil, Amman, Riyadh, Jeddah, Mecca, Medina,
  Doha, Dubai, Abu Dhabi, Muscat, Manama, Sanaa, Aden, Kabul, Kandahar, Islamabad, Karachi, Lahore, Delhi,
  Bangalore, Bengaluru, Chennai, Kolkata, Hyderabad, Dhaka, Kathmandu, Colombo, Yangon, Bangkok, Chiang Mai, Hanoi,
  Ho Chi Minh City, Phnom Penh, Kuala Lumpur, Jakarta, Bali, Manila, Taipei, Guangzhou, Shenzhen, Wuhan, Chengdu,
  Chongqing, Nanjing, Hangzhou, Tianjin, Macau, Pyongyang, Osaka, Kyoto, Hiroshima, Nagasaki, Okinawa, Fukushima,
  Vladivostok, Ulaanbaatar, Almaty, Tashkent, Bishkek, Dushanbe, Ashgabat, Isfahan, Mashhad, Khartoum,
  Tripoli, Benghazi, Tunis, Algiers, Casablanca, Rabat, Dakar, Lagos, Abuja, Accra, Nairobi, Mogadishu,
  Addis Ababa, Kampala, Kigali, Kinshasa, Johannesburg, Cape Town, Pretoria, Durban, Harare, Lusaka, Luanda,
  Mexico City, Guadalajara, Havana, Caracas, Bogota, Bogotá, Lima, Quito, Santiago, Buenos Aires, Montevideo,
  Asuncion, La Paz, Brasilia, Brasília, Rio de Janeiro, Sao Paulo, São Paulo, Gaza City, Rafah, Khan Younis, Ramallah,
  Hebron, Nablus, Jenin, Haifa, Golan Heights, Sinai, Hormuz, Suez, Panama, Guatemala, Honduras, Nicaragua,
  El Salvador, Costa Rica, Ecuador, Bolivia, Paraguay, Uruguay, Haiti, Dominican Republic, Jamaica, Puerto Rico,
  Greenland, Bosnia, Kosovo, Montenegro, Albania, North Macedonia, Uzbekistan, Kyrgyzstan, Tajikistan,
  Turkmenistan, Cambodia, Laos, Brunei, Papua New Guinea, Fiji, Madagascar, Mozambique, Angola, Namibia, Botswana,
  Zambia, Malawi, Tanzania, Uganda, Rwanda, Burundi, Congo, Cameroon, Chad, Niger, Mali, Senegal, Ivory Coast,
  Burkina Faso, Guinea, Sierra Leone, Liberia, Eritrea, Djibouti, South Sudan, Mauritania
`);
