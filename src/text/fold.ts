// Text: the matching form of Vietnamese text. Lowercase, no diacritics, đ→d, typographic quotes and
// dashes folded to ASCII. Length-preserving (one UTF-16 unit in, one out), so offsets found on the fold
// are offsets into the text it was made from.

const TABLE_SIZE = 0x2500;
const table = buildTable();

function buildTable(): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let cp = 0; cp < TABLE_SIZE; cp++) {
    const ch = String.fromCharCode(cp);
    let folded = ch;
    if (cp < 0xd800) {
      const stripped = ch
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
      if (stripped.length === 1) folded = stripped;
      else if (ch.toLowerCase().length === 1) folded = ch.toLowerCase();
    }
    t[cp] = folded.charCodeAt(0);
  }
  const set = (chars: string, to: string) => {
    for (const c of chars) t[c.charCodeAt(0)] = to.charCodeAt(0);
  };
  set('đĐ', 'd');
  set('\u2018\u2019\u201a\u201b\u2032`´', "'");
  set('\u201c\u201d\u201e\u201f\u2033«»', '"');
  set('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-');
  set('\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f', ' ');
  return t;
}

const utf16 = new TextDecoder('utf-16le');

/** Folds one string (length-preserving). */
export function fold(s: string): string {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c < TABLE_SIZE ? (table[c] as number) : c;
  }
  // Native decoding of the code units: several times faster than building the string in JavaScript.
  return utf16.decode(codes);
}

/** A comparison key for names: folded, punctuation dropped, whitespace collapsed. */
export function nameKey(s: string): string {
  return fold(s.normalize('NFC'))
    .replace(/&/g, ' va ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Old-style tone placement ("hoà", "khoá", "Uỷ") → the modern one ("hòa", "khóa", "Ủy"): both are printed.
const TONE_MOVES: Array<[RegExp, string]> = [
  ['oà', 'òa'],
  ['oá', 'óa'],
  ['oả', 'ỏa'],
  ['oã', 'õa'],
  ['oạ', 'ọa'],
  ['oè', 'òe'],
  ['oé', 'óe'],
  ['oẻ', 'ỏe'],
  ['oẽ', 'õe'],
  ['oẹ', 'ọe'],
  ['uỳ', 'ùy'],
  ['uý', 'úy'],
  ['uỷ', 'ủy'],
  ['uỹ', 'ũy'],
  ['uỵ', 'ụy'],
].map(([from, to]) => [new RegExp(`${from}(?![\\p{L}])`, 'gu'), to as string] as [RegExp, string]);

/** Lowercase NFC with modern tone placement: keeps diacritics ("đội" ≠ "đổi") but not their placement. */
const OLD_TONE = /[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]/;

export function toneKey(s: string): string {
  let out = s.normalize('NFC').toLowerCase();
  if (!OLD_TONE.test(out)) return out;
  for (const [re, to] of TONE_MOVES) out = out.replace(re, to);
  return out;
}

/** Whitespace runs → one space, trimmed; most strings have none, so test before replacing. */
export function collapseSpaces(s: string): string {
  return /\s\s|[\t\n\r]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}
