/** Reading the uploads telegraf sends to a local Bot API (console mode, tests). */

/**
 * The fields and the file of a multipart/form-data body, as telegraf uploads a photo: enough of the
 * format for the local Bot API of console mode and the test stand-ins, not a general parser.
 */
export function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; file?: Buffer } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  if (!boundary) return { fields };
  const separator = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(separator);
  while (at >= 0) {
    const next = body.indexOf(separator, at + separator.length);
    if (next < 0) break;
    const part = body.subarray(at + separator.length + 2, next - 2); // past CRLF, before CRLF
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name && /filename=/.test(headers)) file = Buffer.from(content);
    else if (name) fields[name] = content.toString('utf8');
    at = next;
  }
  return { fields, file };
}
