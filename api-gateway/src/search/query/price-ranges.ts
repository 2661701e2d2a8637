/** Price facet buckets (USD-ish catalog: most products between 5 and 500). `to` is exclusive. */
export const PRICE_RANGES: Array<{ key: string; from?: number; to?: number }> = [
  { key: '0-25', to: 25 },
  { key: '25-50', from: 25, to: 50 },
  { key: '50-100', from: 50, to: 100 },
  { key: '100-250', from: 100, to: 250 },
  { key: '250-500', from: 250, to: 500 },
  { key: '500+', from: 500 },
];
