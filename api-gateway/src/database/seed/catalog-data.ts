import { Rng } from './prng';

/** Static vocabulary of the demo catalog: taxonomy, per-leaf product kinds, brand parts. */

export type Family = 'apparel' | 'footwear' | 'electronics' | 'home' | 'sports' | 'beauty';
export type Attributes = Record<string, string | number>;

export interface LeafSpec {
  name: string;
  /** Product nouns; synonyms on purpose (T-Shirt / Tee, Sneakers / Trainers) for search. */
  nouns: string[];
  /** Price range in USD (log-uniform inside). */
  price: [number, number];
  /** Extra attributes beyond the family's. */
  attrs?: (rng: Rng) => Attributes;
  /** Materials for this kind of product (falls back to the family's). */
  materials?: string[];
}

export interface MidSpec {
  name: string;
  leaves: LeafSpec[];
}

export interface RootSpec {
  name: string;
  family: Family;
  /** Share of the catalog's products under this root. */
  weight: number;
  children: MidSpec[];
}

const TEE_MATERIALS = ['100% cotton', 'organic cotton', 'cotton blend', 'linen', 'merino wool', 'slub cotton'];
const pickN = (rng: Rng, xs: string[]): string => rng.pick(xs);

const tees = (gender: string): LeafSpec => ({
  name: 'T-Shirts',
  nouns: ['T-Shirt', 'Tee', 'Crew Neck T-Shirt', 'V-Neck Tee', 'Graphic Tee', 'Pocket T-Shirt', 'Long Sleeve Tee', 'Oversized Tee'],
  price: [9, 59],
  materials: TEE_MATERIALS,
  attrs: (rng) => ({ neckline: pickN(rng, ['crew', 'v-neck', 'henley', 'scoop']), sleeve: pickN(rng, ['short', 'short', 'long']), gender }),
});

const jeans = (gender: string): LeafSpec => ({
  name: 'Jeans',
  nouns: ['Jeans', 'Slim Jeans', 'Straight Leg Jeans', 'Denim Jeans', 'Relaxed Fit Jeans', 'Bootcut Jeans'],
  price: [29, 149],
  materials: ['denim', 'stretch denim', 'selvedge denim', 'organic cotton denim'],
  attrs: (rng) => ({ rise: pickN(rng, ['low', 'mid', 'high']), wash: pickN(rng, ['light', 'mid', 'dark', 'black', 'raw']), gender }),
});

const jackets = (gender: string): LeafSpec => ({
  name: 'Jackets',
  nouns: ['Bomber Jacket', 'Denim Jacket', 'Rain Jacket', 'Puffer Jacket', 'Windbreaker', 'Parka', 'Field Jacket'],
  price: [49, 349],
  materials: ['nylon', 'recycled polyester', 'wool blend', 'leather', 'denim', 'waxed cotton'],
  attrs: (rng) => ({ waterproof: pickN(rng, ['yes', 'no']), gender }),
});

const sneakers = (gender: string): LeafSpec => ({
  name: 'Sneakers',
  nouns: ['Sneakers', 'Trainers', 'Running Shoes', 'Low-Top Sneakers', 'High-Top Sneakers', 'Court Trainers', 'Running Trainers'],
  price: [39, 219],
  materials: ['leather', 'suede', 'canvas', 'mesh', 'knit', 'recycled synthetic'],
  attrs: () => ({ gender }),
});

const boots = (gender: string): LeafSpec => ({
  name: 'Boots',
  nouns: ['Chelsea Boots', 'Hiking Boots', 'Ankle Boots', 'Work Boots', 'Winter Boots', 'Lace-Up Boots'],
  price: [59, 299],
  materials: ['leather', 'suede', 'nubuck', 'waterproof leather'],
  attrs: (rng) => ({ waterproof: pickN(rng, ['yes', 'no']), gender }),
});

const sandals = (gender: string): LeafSpec => ({
  name: 'Sandals',
  nouns: ['Sandals', 'Slides', 'Flip-Flops', 'Sport Sandals', 'Strappy Sandals'],
  price: [15, 119],
  materials: ['leather', 'EVA foam', 'rubber', 'cork', 'webbing'],
  attrs: () => ({ gender }),
});

export const TAXONOMY: RootSpec[] = [
  {
    name: 'Clothing',
    family: 'apparel',
    weight: 30,
    children: [
      {
        name: 'Men',
        leaves: [
          tees('men'),
          {
            name: 'Shirts',
            nouns: ['Oxford Shirt', 'Linen Shirt', 'Flannel Shirt', 'Button-Down Shirt', 'Denim Shirt', 'Polo Shirt'],
            price: [24, 129],
            materials: ['cotton poplin', 'linen', 'flannel', 'oxford cotton', 'chambray'],
            attrs: () => ({ gender: 'men' }),
          },
          jeans('men'),
          jackets('men'),
          {
            name: 'Hoodies',
            nouns: ['Hoodie', 'Zip Hoodie', 'Pullover Hoodie', 'Sweatshirt', 'Fleece Hoodie', 'Crewneck Sweatshirt'],
            price: [29, 119],
            materials: ['cotton fleece', 'french terry', 'recycled fleece', 'brushed cotton'],
            attrs: () => ({ gender: 'men' }),
          },
        ],
      },
      {
        name: 'Women',
        leaves: [
          tees('women'),
          {
            name: 'Dresses',
            nouns: ['Midi Dress', 'Maxi Dress', 'Wrap Dress', 'Shirt Dress', 'Slip Dress', 'Sundress', 'Knit Dress'],
            price: [29, 249],
            materials: ['viscose', 'linen', 'cotton', 'silk', 'jersey', 'satin'],
            attrs: (rng) => ({ length: pickN(rng, ['mini', 'midi', 'maxi']), gender: 'women' }),
          },
          jeans('women'),
          jackets('women'),
          {
            name: 'Skirts',
            nouns: ['Pleated Skirt', 'Denim Skirt', 'Midi Skirt', 'A-Line Skirt', 'Wrap Skirt'],
            price: [25, 139],
            materials: ['denim', 'wool blend', 'viscose', 'cotton twill', 'satin'],
            attrs: () => ({ gender: 'women' }),
          },
        ],
      },
    ],
  },
  {
    name: 'Shoes',
    family: 'footwear',
    weight: 15,
    children: [
      { name: 'Men', leaves: [sneakers('men'), boots('men'), sandals('men')] },
      { name: 'Women', leaves: [sneakers('women'), boots('women'), sandals('women')] },
    ],
  },
  {
    name: 'Electronics',
    family: 'electronics',
    weight: 20,
    children: [
      {
        name: 'Audio',
        leaves: [
          {
            name: 'Headphones',
            nouns: [
              'Headphones',
              'Over-Ear Headphones',
              'Wireless Headphones',
              'Noise Cancelling Headphones',
              'Studio Headphones',
              'On-Ear Headphones',
            ],
            price: [29, 449],
            attrs: (rng) => ({
              connectivity: pickN(rng, ['Bluetooth 5.3', 'Bluetooth 5.2', 'wired 3.5 mm', 'USB-C']),
              noise_cancelling: pickN(rng, ['yes', 'no']),
              battery_life_hours: rng.int(15, 60),
            }),
          },
          {
            name: 'Earbuds',
            nouns: ['Earbuds', 'True Wireless Earbuds', 'In-Ear Headphones', 'Sport Earbuds', 'Noise Cancelling Earbuds'],
            price: [19, 299],
            attrs: (rng) => ({
              connectivity: pickN(rng, ['Bluetooth 5.3', 'Bluetooth 5.2']),
              battery_life_hours: rng.int(5, 12),
              water_resistance: pickN(rng, ['IPX4', 'IPX5', 'IP67', 'none']),
            }),
          },
          {
            name: 'Speakers',
            nouns: ['Bluetooth Speaker', 'Smart Speaker', 'Bookshelf Speakers', 'Soundbar', 'Portable Speaker'],
            price: [25, 799],
            attrs: (rng) => ({
              connectivity: pickN(rng, ['Bluetooth 5.3', 'Wi-Fi', 'Wi-Fi + Bluetooth', 'optical']),
              power_watts: rng.pick([10, 20, 30, 50, 80, 120, 200]),
            }),
          },
        ],
      },
      {
        name: 'Computers',
        leaves: [
          {
            name: 'Laptops',
            nouns: ['Laptop', 'Ultrabook', 'Notebook', 'Gaming Laptop', '2-in-1 Laptop'],
            price: [399, 3299],
            attrs: (rng) => ({
              ram_gb: rng.pick([8, 16, 16, 32, 64]),
              storage_gb: rng.pick([256, 512, 512, 1024, 2048]),
              screen_inches: rng.pick([13.3, 14, 15.6, 16, 17.3]),
              cpu: pickN(rng, ['Intel Core i5', 'Intel Core i7', 'AMD Ryzen 5', 'AMD Ryzen 7', 'ARM 8-core']),
            }),
          },
          {
            name: 'Monitors',
            nouns: ['Monitor', '4K Monitor', 'Gaming Monitor', 'Ultrawide Monitor', 'USB-C Monitor'],
            price: [119, 1499],
            attrs: (rng) => ({
              screen_inches: rng.pick([24, 27, 27, 32, 34, 38]),
              resolution: pickN(rng, ['1920x1080', '2560x1440', '3840x2160', '3440x1440']),
              refresh_hz: rng.pick([60, 75, 144, 165, 240]),
            }),
          },
          {
            name: 'Keyboards',
            nouns: ['Mechanical Keyboard', 'Wireless Keyboard', 'Compact Keyboard', 'Ergonomic Keyboard', 'Low-Profile Keyboard'],
            price: [25, 249],
            attrs: (rng) => ({
              layout: pickN(rng, ['US', 'UK', 'DE', 'FR']),
              switches: pickN(rng, ['red linear', 'brown tactile', 'blue clicky', 'scissor']),
              connectivity: pickN(rng, ['USB-C', 'Bluetooth', '2.4 GHz wireless']),
            }),
          },
        ],
      },
      {
        name: 'Phones',
        leaves: [
          {
            name: 'Smartphones',
            nouns: ['Smartphone', 'Phone', '5G Smartphone', 'Android Phone'],
            price: [149, 1599],
            attrs: (rng) => ({
              storage_gb: rng.pick([64, 128, 256, 512]),
              screen_inches: rng.pick([6.1, 6.4, 6.7, 6.8]),
              camera_mp: rng.pick([12, 48, 50, 108, 200]),
            }),
          },
          {
            name: 'Phone Cases',
            nouns: ['Phone Case', 'Clear Case', 'Leather Case', 'Rugged Case', 'Wallet Case', 'Silicone Case'],
            price: [9, 69],
            materials: ['silicone', 'TPU', 'leather', 'recycled plastic', 'aramid fiber'],
            attrs: (rng) => ({
              compatible_with: pickN(rng, [
                '6.1-inch phones',
                '6.7-inch phones',
                'Galaxy S series',
                'Pixel series',
                'iPhone 15',
                'iPhone 16',
              ]),
            }),
          },
          {
            name: 'Chargers',
            nouns: ['USB-C Charger', 'Wireless Charger', 'Fast Charger', 'Power Bank', 'Charging Cable', 'Car Charger'],
            price: [9, 129],
            attrs: (rng) => ({
              power_watts: rng.pick([15, 20, 30, 45, 65, 100, 140]),
              connector: pickN(rng, ['USB-C', 'USB-A', 'Qi2', 'MagSafe-compatible']),
            }),
          },
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    family: 'home',
    weight: 15,
    children: [
      {
        name: 'Kitchen',
        leaves: [
          {
            name: 'Cookware',
            nouns: ['Frying Pan', 'Skillet', 'Saucepan', 'Dutch Oven', 'Stock Pot', 'Wok', 'Cookware Set'],
            price: [19, 399],
            materials: ['stainless steel', 'cast iron', 'carbon steel', 'non-stick aluminium', 'enamelled cast iron', 'copper'],
            attrs: (rng) => ({ diameter_cm: rng.pick([20, 24, 26, 28, 30]), induction_ready: pickN(rng, ['yes', 'no']) }),
          },
          {
            name: 'Knives',
            nouns: ["Chef's Knife", 'Santoku Knife', 'Paring Knife', 'Bread Knife', 'Knife Set', 'Utility Knife'],
            price: [15, 349],
            materials: ['German stainless steel', 'Damascus steel', 'high-carbon steel', 'ceramic'],
            attrs: (rng) => ({ blade_cm: rng.pick([9, 13, 15, 18, 20, 23]) }),
          },
          {
            name: 'Coffee Makers',
            nouns: ['Espresso Machine', 'Drip Coffee Maker', 'French Press', 'Pour-Over Coffee Maker', 'Moka Pot', 'Cold Brew Maker'],
            price: [19, 1199],
            materials: ['stainless steel', 'borosilicate glass', 'aluminium', 'ceramic'],
            attrs: (rng) => ({ capacity_l: rng.pick([0.3, 0.5, 1, 1.2, 1.5, 1.8]) }),
          },
        ],
      },
      {
        name: 'Furniture',
        leaves: [
          {
            name: 'Chairs',
            nouns: ['Office Chair', 'Dining Chair', 'Armchair', 'Lounge Chair', 'Ergonomic Chair', 'Bar Stool'],
            price: [49, 899],
            materials: ['oak', 'walnut', 'mesh', 'velvet', 'leather', 'powder-coated steel'],
            attrs: (rng) => ({ seat_height_cm: rng.int(42, 78) }),
          },
          {
            name: 'Desks',
            nouns: ['Standing Desk', 'Writing Desk', 'Computer Desk', 'Corner Desk', 'Height-Adjustable Desk'],
            price: [99, 1299],
            materials: ['oak veneer', 'walnut', 'bamboo', 'laminate', 'solid pine'],
            attrs: (rng) => ({ width_cm: rng.pick([100, 120, 140, 160, 180]) }),
          },
          {
            name: 'Lamps',
            nouns: ['Desk Lamp', 'Floor Lamp', 'Table Lamp', 'LED Lamp', 'Reading Lamp', 'Pendant Lamp'],
            price: [15, 399],
            materials: ['brass', 'aluminium', 'ceramic', 'linen shade', 'glass'],
            attrs: (rng) => ({ bulb: pickN(rng, ['LED E27', 'LED E14', 'integrated LED', 'GU10']), dimmable: pickN(rng, ['yes', 'no']) }),
          },
        ],
      },
    ],
  },
  {
    name: 'Sports & Outdoors',
    family: 'sports',
    weight: 12,
    children: [
      {
        name: 'Fitness',
        leaves: [
          {
            name: 'Yoga Mats',
            nouns: ['Yoga Mat', 'Exercise Mat', 'Travel Yoga Mat', 'Non-Slip Yoga Mat'],
            price: [15, 149],
            materials: ['natural rubber', 'TPE', 'cork', 'PVC-free foam'],
            attrs: (rng) => ({ thickness_mm: rng.pick([1.5, 3, 4, 5, 6, 8]) }),
          },
          {
            name: 'Dumbbells',
            nouns: ['Dumbbell Set', 'Adjustable Dumbbells', 'Hex Dumbbell', 'Kettlebell', 'Neoprene Dumbbells'],
            price: [15, 599],
            materials: ['cast iron', 'rubber-coated steel', 'neoprene', 'chrome steel'],
            attrs: (rng) => ({ weight_kg: rng.pick([2, 4, 5, 8, 10, 12, 16, 20, 24, 32]) }),
          },
          {
            name: 'Sportswear',
            nouns: ['Running Tee', 'Training T-Shirt', 'Performance Tee', 'Running Shorts', 'Leggings', 'Sports Bra', 'Track Jacket'],
            price: [15, 119],
            materials: ['recycled polyester', 'merino wool', 'nylon-elastane', 'quick-dry mesh'],
            attrs: (rng) => ({ size: pickN(rng, ['XS', 'S', 'M', 'L', 'XL', 'XXL']), gender: pickN(rng, ['men', 'women', 'unisex']) }),
          },
        ],
      },
      {
        name: 'Camping',
        leaves: [
          {
            name: 'Tents',
            nouns: ['2-Person Tent', '4-Person Tent', 'Backpacking Tent', 'Dome Tent', 'Pop-Up Tent', 'Tunnel Tent'],
            price: [49, 899],
            materials: ['ripstop nylon', 'polyester', 'silnylon', 'Dyneema'],
            attrs: (rng) => ({
              persons: rng.pick([1, 2, 2, 3, 4, 6]),
              season: pickN(rng, ['3-season', '3-season', '4-season']),
              weight_kg: Math.round(rng.logUniform(0.9, 9) * 10) / 10,
            }),
          },
          {
            name: 'Backpacks',
            nouns: ['Backpack', 'Hiking Backpack', 'Daypack', 'Travel Backpack', 'Rucksack', 'Laptop Backpack'],
            price: [25, 349],
            materials: ['ripstop nylon', 'recycled polyester', 'waxed canvas', 'Cordura'],
            attrs: (rng) => ({ capacity_l: rng.pick([15, 20, 25, 30, 40, 50, 65]) }),
          },
          {
            name: 'Sleeping Bags',
            nouns: ['Sleeping Bag', 'Mummy Sleeping Bag', 'Down Sleeping Bag', 'Camping Quilt', 'Kids Sleeping Bag'],
            price: [29, 599],
            materials: ['duck down', 'goose down', 'synthetic insulation', 'recycled fill'],
            attrs: (rng) => ({ comfort_temp_c: rng.pick([-10, -5, 0, 3, 5, 10]) }),
          },
        ],
      },
    ],
  },
  {
    name: 'Beauty',
    family: 'beauty',
    weight: 8,
    children: [
      {
        name: 'Skincare',
        leaves: [
          {
            name: 'Moisturizers',
            nouns: ['Moisturizer', 'Face Cream', 'Night Cream', 'Hydrating Gel', 'Day Cream'],
            price: [7, 129],
            attrs: (rng) => ({
              volume_ml: rng.pick([30, 50, 50, 75, 100]),
              skin_type: pickN(rng, ['dry', 'oily', 'combination', 'sensitive', 'all skin types']),
            }),
          },
          {
            name: 'Cleansers',
            nouns: ['Face Wash', 'Cleanser', 'Foaming Cleanser', 'Micellar Water', 'Cleansing Balm'],
            price: [5, 59],
            attrs: (rng) => ({
              volume_ml: rng.pick([100, 150, 200, 400]),
              skin_type: pickN(rng, ['dry', 'oily', 'combination', 'sensitive', 'all skin types']),
            }),
          },
          {
            name: 'Sunscreen',
            nouns: ['Sunscreen', 'Sun Cream', 'Mineral Sunscreen', 'Sun Lotion', 'SPF Fluid'],
            price: [8, 69],
            attrs: (rng) => ({
              spf: rng.pick([30, 50, 50]),
              volume_ml: rng.pick([50, 100, 200]),
              skin_type: pickN(rng, ['all skin types', 'sensitive', 'oily']),
            }),
          },
        ],
      },
    ],
  },
];

export const COLORS = [
  'Black',
  'White',
  'Navy',
  'Grey',
  'Heather Grey',
  'Olive',
  'Beige',
  'Red',
  'Burgundy',
  'Forest Green',
  'Sky Blue',
  'Mustard',
  'Charcoal',
  'Cream',
  'Pink',
  'Lavender',
  'Sand',
  'Rust',
];
export const TECH_COLORS = ['Black', 'White', 'Silver', 'Space Grey', 'Midnight Blue', 'Graphite', 'Sage Green'];
export const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
export const FITS = ['slim', 'regular', 'regular', 'relaxed', 'oversized'];

export const ADJECTIVES: Record<Family, string[]> = {
  apparel: [
    'Classic',
    'Essential',
    'Everyday',
    'Heritage',
    'Premium',
    'Vintage',
    'Relaxed',
    'Slim',
    'Organic',
    'Lightweight',
    'Heavyweight',
    'Washed',
    'Signature',
  ],
  footwear: ['Classic', 'Retro', 'Lightweight', 'Waterproof', 'Trail', 'Urban', 'Cushioned', 'Minimal', 'Everyday', 'Court', 'Runner'],
  electronics: ['Pro', 'Max', 'Lite', 'Air', 'Ultra', 'Studio', 'Go', 'Plus', 'Mini', 'Edge', 'Core'],
  home: ['Classic', 'Professional', 'Compact', 'Nordic', 'Modern', 'Rustic', 'Premium', 'Artisan', 'Essential'],
  sports: ['Pro', 'Trail', 'Ultralight', 'Performance', 'Essential', 'Expedition', 'Active', 'Summit'],
  beauty: ['Hydrating', 'Gentle', 'Daily', 'Soothing', 'Brightening', 'Calming', 'Oil-Free', 'Repairing'],
};

export const FAMILY_MATERIALS: Record<Family, string[]> = {
  apparel: ['cotton', 'linen', 'wool', 'polyester'],
  footwear: ['leather', 'canvas', 'mesh'],
  electronics: ['aluminium', 'recycled plastic', 'polycarbonate', 'magnesium alloy'],
  home: ['stainless steel', 'oak', 'ceramic', 'glass'],
  sports: ['nylon', 'polyester', 'rubber'],
  beauty: [],
};

/** Phrases that make descriptions read like a shop, per family. */
export const SELLING_POINTS: Record<Family, string[]> = {
  apparel: [
    'Pre-shrunk and garment-dyed for a lived-in feel.',
    'Machine washable at 30°C.',
    'Cut for easy layering.',
    'Reinforced seams that keep their shape wash after wash.',
    'Made in a Fair Wear certified factory.',
    'Soft hand feel with a clean drape.',
  ],
  footwear: [
    'Cushioned footbed for all-day comfort.',
    'Grippy rubber outsole.',
    'Runs true to size.',
    'Breathable lining keeps feet cool.',
    'Removable insole.',
    'Built on a wide-fit last.',
  ],
  electronics: [
    'Ships with a USB-C cable.',
    'Two-year manufacturer warranty.',
    'Firmware updates over the companion app.',
    'Low-latency mode for gaming and video.',
    'Energy-efficient standby.',
    'Works with Android, iOS, Windows and macOS.',
  ],
  home: [
    'Dishwasher safe.',
    'Easy to assemble, tools included.',
    'Designed to last for years of daily use.',
    'Suitable for all hobs including induction.',
    'Backed by a five-year guarantee.',
    'Timeless design that fits any interior.',
  ],
  sports: [
    'Tested in the Alps.',
    'Packs down small.',
    'Quick-drying and breathable.',
    'Reflective details for low light.',
    'Lightweight without giving up durability.',
    'Made with recycled materials.',
  ],
  beauty: [
    'Dermatologically tested.',
    'Fragrance-free and vegan.',
    'Absorbs quickly without a greasy finish.',
    'Non-comedogenic.',
    'Suitable for daily use, morning and night.',
    'Recyclable packaging.',
  ],
};

export const BRAND_PREFIXES = [
  'Aster',
  'Boreal',
  'Cobalt',
  'Dune',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orion',
  'Pinecrest',
  'Quarry',
  'Rowan',
  'Sable',
  'Tundra',
  'Umber',
  'Vantage',
  'Willow',
  'Yarrow',
  'Zephyr',
  'Alder',
  'Birch',
  'Cedar',
  'Drift',
  'Echo',
  'Flint',
  'Grove',
  'Halcyon',
  'Ivory',
  'Jade',
  'Kinetic',
  'Larch',
  'Mosaic',
  'Northwind',
  'Onyx',
  'Pebble',
  'Quill',
  'Ridge',
  'Solace',
  'Tidal',
  'Velo',
  'Wren',
];

export const BRAND_SUFFIXES: Record<Family, string[]> = {
  apparel: ['& Co', 'Apparel', 'Denim', 'Clothing', 'Studio', 'Supply', 'Label'],
  footwear: ['Footwear', 'Shoe Co', 'Runners', 'Kicks', 'Cobblers'],
  electronics: ['Audio', 'Labs', 'Tech', 'Electronics', 'Systems', 'Devices'],
  home: ['Home', 'Kitchen', 'Living', 'Design', 'Interiors'],
  sports: ['Outdoors', 'Athletics', 'Gear', 'Sport', 'Expeditions'],
  beauty: ['Beauty', 'Skin', 'Naturals', 'Botanics', 'Apothecary'],
};

/** How many of the ~100 brands primarily serve each family. */
export const BRANDS_PER_FAMILY: Record<Family, number> = {
  apparel: 25,
  footwear: 15,
  electronics: 20,
  home: 15,
  sports: 15,
  beauty: 10,
};

export const DEMO_CUSTOMERS = [
  { email: 'alice@example.com', name: 'Alice Martin', city: 'Berlin', country: 'DE', zip: '10115', street: 'Invalidenstraße 12' },
  { email: 'bob@example.com', name: 'Bob Nguyen', city: 'Austin', country: 'US', zip: '78701', street: '401 Congress Ave' },
  { email: 'carol@example.com', name: 'Carol Schmidt', city: 'Vienna', country: 'AT', zip: '1010', street: 'Graben 21' },
  { email: 'dave@example.com', name: 'Dave Okafor', city: 'London', country: 'GB', zip: 'EC1A 1BB', street: "1 St Martin's Le Grand" },
  { email: 'erin@example.com', name: 'Erin Rossi', city: 'Milan', country: 'IT', zip: '20121', street: 'Via Brera 5' },
];
/** Documented demo password of the five customers (docs/database.md). */
export const DEMO_CUSTOMER_PASSWORD = 'Customer-Passw0rd!';
