/**
 * GBK and Big5 bytes of a string, for tests of page files in those encodings. Node can decode them
 * but has no encoder, so each table is built by decoding every two-byte code once.
 */
type Legacy = 'gb18030' | 'big5';
const tables = new Map<Legacy, Map<string, number[]>>();

function table(encoding: Legacy): Map<string, number[]> {
  let codes = tables.get(encoding);
  if (!codes) {
    codes = new Map();
    const decoder = new TextDecoder(encoding);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !codes.has(char)) codes.set(char, [lead, trail]);
      }
    }
    tables.set(encoding, codes);
  }
  return codes;
}

function encode(text: string, encoding: Legacy): Uint8Array {
  const codes = table(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = codes.get(char);
      if (!pair) throw new Error(`no ${encoding} code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

export const gbkBytes = (text: string): Uint8Array => encode(text, 'gb18030');
export const big5Bytes = (text: string): Uint8Array => encode(text, 'big5');

/** UTF-16 bytes, little- or big-endian, with or without a byte-order mark. */
export function utf16Bytes(text: string, endian: 'le' | 'be', mark: boolean): Uint8Array {
  const bytes: number[] = mark ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(bytes);
}
