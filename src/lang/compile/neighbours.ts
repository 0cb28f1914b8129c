// Build-time k-nearest-neighbour search over word vectors (cosine), brute
// force: 30,000 words take about a minute once, and exactness keeps the
// compiled data reproducible.

/** For each vector, up to `k` neighbours `[index, cosine]` with cosine ≥ `minCos`, best first. */
export function nearestNeighbours(vectors: number[][], k: number, minCos: number): Array<Array<[number, number]>> {
  const n = vectors.length;
  const dim = vectors[0]?.length ?? 0;
  const m = new Float32Array(n * dim);
  vectors.forEach((v, i) => {
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) m[i * dim + d] = v[d] / norm;
  });
  const best: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  const push = (list: Array<[number, number]>, j: number, c: number): void => {
    if (list.length === k && c <= list[k - 1][1]) return;
    let at = list.length;
    while (at > 0 && list[at - 1][1] < c) at--;
    list.splice(at, 0, [j, c]);
    if (list.length > k) list.pop();
  };
  for (let i = 0; i < n; i++) {
    const oi = i * dim;
    for (let j = i + 1; j < n; j++) {
      const oj = j * dim;
      let c = 0;
      for (let d = 0; d < dim; d++) c += m[oi + d] * m[oj + d];
      if (c < minCos) continue;
      push(best[i], j, c);
      push(best[j], i, c);
    }
  }
  return best;
}
