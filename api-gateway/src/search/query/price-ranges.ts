/** Price facet buckets (seeded catalog: 9 to ~3300). `to` is exclusive. */
export const PRICE_RANGES: Array<{ key: string; from?: number; to?: number }> = [
  { key: '0-25', to: 25 },
  { key: '25-50', from: 25, to: 50 },
  { key: '50-100', from: 50, to: 100 },
  { key: '100-250', from: 100, to: 250 },
  { key: '250-500', from: 250, to: 500 },
  { key: '500-1000', from: 500, to: 1000 },
  { key: '1000+', from: 1000 },
];
