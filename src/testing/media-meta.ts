/** What the fake server reads from an uploaded file's header: it does not decode media. */
export interface FakeMediaInfo {
  width?: number;
  height?: number;
  /** Seconds, for videos. */
  duration?: number;
  /** As ffprobe writes it (`'30/1'`), for videos. */
  frameRate?: string;
}

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32be(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) >>> 0) + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0);
}

function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}

/** The size of a JPEG from its first start-of-frame segment. */
function jpegSize(b: Uint8Array): FakeMediaInfo | undefined {
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    const length = u16be(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    at += 2 + length;
  }
  return undefined;
}

/** The size of a WebP image from its VP8, VP8L or VP8X chunk. */
function webpSize(b: Uint8Array): FakeMediaInfo | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
  return undefined;
}

/** The boxes of an MP4 (ISO BMFF) range, by type, each with its content's start and end. */
function boxes(b: Uint8Array, start: number, end: number): { type: string; from: number; to: number }[] {
  const found: { type: string; from: number; to: number }[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      size = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12);
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) break;
    found.push({ type: ascii(b, at + 4, 4), from: at + header, to: at + size });
    at += size;
  }
  return found;
}

type Box = { from: number; to: number };

function child(b: Uint8Array, parent: Box, type: string): Box | undefined {
  return boxes(b, parent.from, parent.to).find((box) => box.type === type);
}

/** The box at a path of types below `parent` (`['mdia', 'mdhd']`). */
function descend(b: Uint8Array, parent: Box, types: readonly string[]): Box | undefined {
  let current: Box | undefined = parent;
  for (const type of types) current = current && child(b, current, type);
  return current;
}

/** The size, duration and frame rate of an MP4 from its `moov` box, when it has one. */
function mp4Info(b: Uint8Array): FakeMediaInfo | undefined {
  const moov = boxes(b, 0, b.length).find((box) => box.type === 'moov');
  if (!moov) return undefined;
  const info: FakeMediaInfo = {};
  const mvhd = child(b, moov, 'mvhd');
  if (mvhd) {
    const v1 = b[mvhd.from] === 1;
    const scale = u32be(b, mvhd.from + (v1 ? 20 : 12));
    const duration = v1 ? u32be(b, mvhd.from + 24) * 2 ** 32 + u32be(b, mvhd.from + 28) : u32be(b, mvhd.from + 16);
    if (scale > 0) info.duration = Math.round((duration / scale) * 1000) / 1000;
  }
  for (const trak of boxes(b, moov.from, moov.to).filter((box) => box.type === 'trak')) {
    const tkhd = child(b, trak, 'tkhd');
    if (!tkhd) continue;
    const width = u32be(b, tkhd.to - 8) / 65536;
    const height = u32be(b, tkhd.to - 4) / 65536;
    if (width === 0 || height === 0) continue;
    Object.assign(info, { width: Math.round(width), height: Math.round(height) });
    const mdhd = descend(b, trak, ['mdia', 'mdhd']);
    const stts = descend(b, trak, ['mdia', 'minf', 'stbl', 'stts']);
    if (mdhd && stts) {
      const scale = u32be(b, mdhd.from + (b[mdhd.from] === 1 ? 20 : 12));
      const delta = u32be(b, stts.from + 12);
      if (scale > 0 && delta > 0) info.frameRate = scale % delta === 0 ? `${scale / delta}/1` : `${scale}/${delta}`;
    }
    break;
  }
  return info;
}

/**
 * What can be read from a file's header: the size of a PNG, GIF, JPEG or WebP image; the size,
 * duration and frame rate of an MP4 video. Anything else gives nothing.
 *
 * ## Example
 * ```ts
 * readMediaInfo(readFileSync('cat.png'))   // { width: 600, height: 600 }
 * ```
 */
export function readMediaInfo(bytes: Uint8Array): FakeMediaInfo {
  const b = bytes;
  if (u32be(b, 0) === 0x89504e47 && ascii(b, 12, 4) === 'IHDR') return { width: u32be(b, 16), height: u32be(b, 20) };
  if (ascii(b, 0, 3) === 'GIF') return { width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b) ?? {};
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b) ?? {};
  if (ascii(b, 4, 4) === 'ftyp') return mp4Info(b) ?? {};
  return {};
}
