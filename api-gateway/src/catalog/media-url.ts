/** A product_images path (relative to the media disk) as a public URL under MEDIA_BASE_URL; absolute URLs pass through. */
export function mediaUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
