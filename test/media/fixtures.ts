/** Small files of the common formats, built in memory: magic bytes followed by filler. */
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...new Array(200).fill(7)]);
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, ...new Array(300).fill(3)]);
export const MP4 = Uint8Array.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), 0, 0, 0, 0, ...Buffer.from('isommp42'), ...new Array(500).fill(1)]);
export const UNKNOWN = Uint8Array.from(new Array(100).fill(0x42));

/** Bytes of `length` with a simple pattern, to check that uploads arrive intact. */
export function patterned(head: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + 7) & 0xff;
  out.set(head.subarray(0, Math.min(head.length, length)));
  return out;
}
