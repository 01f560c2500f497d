/**
 * Optimal string alignment distance: insertions, deletions, substitutions, and a swap of two
 * neighbours counted as one edit (the commonest typo). One measure for every "did you mean".
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(distance[row - 1]![column]! + 1, distance[row]![column - 1]! + 1, distance[row - 1]![column - 1]! + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) value = Math.min(value, distance[row - 2]![column - 2]! + 1);
      distance[row]![column] = value;
    }
  }
  return distance[rows - 1]![columns - 1]!;
}

/** The `count` candidates nearest to `wanted`, ignoring case, nearest first. */
export function nearestNames(wanted: string, candidates: Iterable<string>, count: number): string[] {
  const lower = wanted.toLowerCase();
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .sort((left, right) => left.distance - right.distance)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
