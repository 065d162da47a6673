// IO (DOC): a Word document typed in a TCVN3 (ABC) or VNI font. Word stores what the legacy keyboard driver
// typed as Windows-1252 characters ("KÕ ho¹ch" for "Kế hoạch"), so its text is told and decoded as the same
// bytes in a .txt would be (read-text.ts), with the same LEGACY_ENCODING / CASE_GUESSED warnings.
import { type DecodedText, decodeText } from './read-text.ts';

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** `text` as decoded from TCVN3 or VNI when it is one of those, else as it is (UTF-8 for the caller). */
export function legacyFontText(text: string): DecodedText {
  const asIs: DecodedText = { text, encoding: 'utf-8', warnings: [] };
  const bytes = cp1252Bytes(text);
  if (!bytes) return asIs;
  try {
    const decoded = decodeText(bytes);
    return decoded.encoding === 'tcvn3' || decoded.encoding === 'vni' ? decoded : asIs;
  } catch {
    return asIs; // not legacy text either: the text as Word has it
  }
}

/** The Windows-1252 bytes of `text`, or null when it has a character beyond them or none beyond ASCII. */
function cp1252Bytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let byte = c;
    if (c >= 0x80 && c <= 0x9f) return null;
    if (c > 0xff) {
      const at = CP1252_HIGH.indexOf(text[i] as string);
      if (at < 0) return null;
      byte = 0x80 + at;
    }
    if (byte >= 0x80) high = true;
    bytes[i] = byte;
  }
  return high ? bytes : null;
}
