/** "Did you mean" suggestions: Levenshtein distance over candidate ids. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (current[j - 1] as number) + 1,
        (previous[j] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Up to `limit` candidates closest to `input`, nearest first; substring matches count as close. */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  const scored = candidates.map((candidate) => ({
    candidate,
    distance:
      candidate.includes(input) || input.includes(candidate)
        ? Math.min(1, levenshtein(input, candidate))
        : levenshtein(input, candidate),
  }));
  const threshold = Math.max(3, Math.ceil(input.length / 2));
  return scored
    .filter((s) => s.distance <= threshold)
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.candidate);
}
