/**
 * Terminal display width: East Asian wide and fullwidth characters and emoji take two columns,
 * combining marks and zero-width characters none, the rest one. Used to keep the text report in
 * its 80 columns whatever the node names are. Pure.
 */

/** Code point ranges shown two columns wide (Unicode East Asian Width W/F, and emoji). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f900, 0x1faff],
  [0x20000, 0x3fffd],
];
// Lone combining marks, zero-width characters and variation selectors, one code point at a time.
const ZERO_RANGES = [
  '\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f',
  '\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f',
].join('');
const ZERO = new RegExp(`[${ZERO_RANGES}]|[\u{e0100}-\u{e01ef}]`, 'u');

/** Columns one code point takes. */
export function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  const cp = ch.codePointAt(0) ?? 0;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid] as [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return 2;
  }
  return 1;
}

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += charWidth(ch);
  return n;
}

/** At most `max` columns, ending with … (one column) when cut. */
export function truncateWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return max >= 1 ? `${out}…` : '';
}

/** The first `max` columns (no ellipsis) and the rest: for wrapping a word longer than a line. */
export function splitAtWidth(text: string, max: number): [string, string] {
  let used = 0;
  let i = 0;
  const chars = [...text];
  while (i < chars.length && used + charWidth(chars[i] as string) <= max) {
    used += charWidth(chars[i] as string);
    i += 1;
  }
  // A wide character alone on a line narrower than it still moves on.
  if (i === 0 && chars.length > 0) i = 1;
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}
