/** How many leading bytes {@link sniffMimeType} looks at. */
export const SNIFF_LENGTH = 64;

const ascii = (bytes: Uint8Array, start: number, text: string): boolean => {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const contains = (bytes: Uint8Array, text: string): boolean => {
  for (let i = 0; i + text.length <= bytes.length; i++) if (ascii(bytes, i, text)) return true;
  return false;
};

/** The type of an ISO base media file (`ftyp` box) from its major brand. */
function isoMediaType(bytes: Uint8Array): string {
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand.startsWith('3g')) return 'video/3gpp';
  return 'video/mp4';
}

/**
 * The mime type of common image, video and audio formats from their first bytes (magic
 * numbers), or `undefined` when the bytes are not recognised.
 *
 * ## Example
 * ```ts
 * sniffMimeType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))  // 'image/png'
 * ```
 */
export function sniffMimeType(head: Uint8Array): string | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'video/x-msvideo';
  if (ascii(head, 4, 'ftyp')) return isoMediaType(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return contains(head, 'webm') ? 'video/webm' : 'video/x-matroska';
  if (ascii(head, 0, 'OggS')) return contains(head, 'theora') ? 'video/ogg' : 'audio/ogg';
  if (ascii(head, 0, 'fLaC')) return 'audio/flac';
  if (ascii(head, 0, 'ID3')) return 'audio/mpeg';
  if (ascii(head, 0, 'BM') && head.length >= 14) return 'image/bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (ascii(head, 0, '#!AMR')) return 'audio/amr';
  // MPEG audio frame sync: 11 set bits; layer bits tell MP3 (01) from AAC ADTS (00).
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) {
    return (head[1]! & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  }
  return undefined;
}

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', jfif: 'image/jpeg',
  png: 'image/png', apng: 'image/apng', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  heic: 'image/heic', heif: 'image/heif', bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff',
  mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', qt: 'video/quicktime',
  webm: 'video/webm', mkv: 'video/x-matroska', ogv: 'video/ogg', '3gp': 'video/3gpp', avi: 'video/x-msvideo',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', oga: 'audio/ogg',
  opus: 'audio/ogg', flac: 'audio/flac', wav: 'audio/wav', amr: 'audio/amr', wma: 'audio/x-ms-wma',
};

/** The preferred file extension of each type, for generated upload names. */
const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg', 'image/png': '.png', 'image/apng': '.png', 'image/gif': '.gif', 'image/webp': '.webp',
  'image/avif': '.avif', 'image/heic': '.heic', 'image/heif': '.heif', 'image/bmp': '.bmp', 'image/tiff': '.tiff',
  'video/mp4': '.mp4', 'video/quicktime': '.mov', 'video/webm': '.webm', 'video/x-matroska': '.mkv',
  'video/ogg': '.ogv', 'video/3gpp': '.3gp', 'video/x-msvideo': '.avi', 'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a', 'audio/aac': '.aac', 'audio/ogg': '.ogg', 'audio/flac': '.flac',
  'audio/wav': '.wav', 'audio/amr': '.amr', 'audio/x-ms-wma': '.wma',
};

/**
 * The mime type a file name's extension suggests, or `undefined`.
 *
 * ## Example
 * ```ts
 * mimeTypeFromName('holiday/IMG_0001.JPG')  // 'image/jpeg'
 * ```
 */
export function mimeTypeFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match ? TYPE_BY_EXTENSION[match[1]!.toLowerCase()] : undefined;
}

/**
 * The file extension (with its dot) for a mime type, or `''` when there is none.
 *
 * ## Example
 * ```ts
 * extensionFor('video/mp4')  // '.mp4'
 * ```
 */
export function extensionFor(mimeType: string): string {
  return EXTENSION_BY_TYPE[mimeType.split(';')[0]!.trim().toLowerCase()] ?? '';
}
