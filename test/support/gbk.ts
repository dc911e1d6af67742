/**
 * GBK bytes of a string, for tests of GB18030 page files. Node can decode GB18030 but has no
 * encoder, so the table is built by decoding every two-byte GBK code once.
 */
let table: Map<string, number[]> | undefined;

export function gbkBytes(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
