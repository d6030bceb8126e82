/** The baseline the index is measured against: a linear `includes` over the raw names, first `limit` hits. */
export function naiveSearch(names: string[], query: string, limit: number): number[] {
  const hits: number[] = [];
  for (let i = 0; i < names.length && hits.length < limit; i++) {
    if ((names[i] as string).includes(query)) hits.push(i);
  }
  return hits;
}
