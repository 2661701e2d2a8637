const formatters = new Map<string, Intl.NumberFormat>();

/** Price in the product's own currency, in the shopper's locale ("$1,160.01", "1.160,01 €"). */
export function money(amount: number | string, currency: string): string {
  const code = (currency || 'USD').trim().toUpperCase();
  let f = formatters.get(code);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
    formatters.set(code, f);
  }
  return f.format(Number(amount));
}

/** "color_temperature" -> "Color temperature" */
export const humanize = (name: string): string => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Price bucket label: "$25 – $50", "$1,000 +" */
export function priceRange(from: number | null | undefined, to: number | null | undefined, currency: string): string {
  const f = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  if (from != null && to != null) return `${f.format(from)} – ${f.format(to)}`;
  if (from != null) return `${f.format(from)} +`;
  return `under ${f.format(to ?? 0)}`;
}
