/**
 * Lines of text as one UTF-8 buffer, each encoded straight into place. Joining them into one
 * string first and encoding that is several times slower once the result reaches hundreds of
 * kilobytes, as the journal's and the payload archive's writes do in a storm.
 */
export function encodeLines(lines: readonly string[]): Buffer {
  let size = 0;
  for (const line of lines) size += Buffer.byteLength(line);
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const line of lines) offset += bytes.write(line, offset);
  return bytes;
}
