/** The F1 document of issue 9: fragment k spreads fragment k-1 twice (under two aliases). */
export function fragmentChain(n: number): string {
  const parts = ['fragment F0 on Category { id slug }'];
  for (let k = 1; k <= n; k++) parts.push(`fragment F${k} on Category { a: children { ...F${k - 1} } b: children { ...F${k - 1} } }`);
  return `{ categories { ...F${n} } } ${parts.join(' ')}`;
}
