/** What a slug looks like (the write DTO's rule and the product page's lookup). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** 'Acme Organic T-Shirt!' -> 'acme-organic-t-shirt' (ASCII, max len). */
export function slugify(input: string, max = 255): string {
  const s = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'item';
}
