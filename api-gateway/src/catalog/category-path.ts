/** categories.path ('/1/7/23/', maintained by a DB trigger) -> [1, 7, 23]: root first, the category itself last. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);
