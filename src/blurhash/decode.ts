import { decode as decodeSrgba, isBlurhashValid } from 'blurhash';
import { MastodonIllegalArgumentError } from '../errors.js';

/** Options of {@link decodeBlurhash}, as Mastodon.py names them. */
export interface DecodeBlurhashOptions {
  /** `[width, height]` of the result: per blurhash component (the default) or absolute. Default `[16, 16]`. */
  out_size?: readonly [width: number, height: number];
  /** Whether `out_size` counts pixels per component. Default `true`. */
  size_per_component?: boolean;
  /** Linear RGB floats (the default), or sRGB integers 0–255 when `false`. */
  return_linear?: boolean;
}

/** A decoded image: `[height][width][3]`, the last dimension red, green and blue. */
export type BlurhashImage = number[][][];

const BASE83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

function decode83(text: string): number {
  let value = 0;
  for (const char of text) value = value * 83 + BASE83.indexOf(char);
  return value;
}

/** An sRGB channel (0–255) as linear light (0–1). */
function srgbToLinear(value: number): number {
  const v = value / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

const signPow = (value: number, exponent: number): number => Math.sign(value) * Math.abs(value) ** exponent;

/** The components of a valid blurhash as linear RGB triples, the DC term first. */
function components(hash: string): { x: number; y: number; colours: [number, number, number][] } {
  const sizeFlag = decode83(hash[0]!);
  const x = (sizeFlag % 9) + 1;
  const y = Math.floor(sizeFlag / 9) + 1;
  const maximum = (decode83(hash[1]!) + 1) / 166;
  const colours: [number, number, number][] = [];
  const dc = decode83(hash.slice(2, 6));
  colours.push([srgbToLinear(dc >> 16), srgbToLinear((dc >> 8) & 255), srgbToLinear(dc & 255)]);
  for (let i = 1; i < x * y; i++) {
    const ac = decode83(hash.slice(4 + i * 2, 6 + i * 2));
    colours.push([
      signPow((Math.floor(ac / (19 * 19)) - 9) / 9, 2) * maximum,
      signPow((Math.floor(ac / 19) % 19 - 9) / 9, 2) * maximum,
      signPow((ac % 19 - 9) / 9, 2) * maximum,
    ]);
  }
  return { x, y, colours };
}

function validHash(media_dict: { readonly blurhash?: string | null } | string): string {
  const hash = typeof media_dict === 'string' ? media_dict : media_dict?.blurhash;
  if (typeof hash !== 'string') throw new MastodonIllegalArgumentError('The media has no blurhash');
  if (!/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]*$/.test(hash)) {
    throw new MastodonIllegalArgumentError(`Malformed blurhash ${JSON.stringify(hash)}: characters outside base 83`);
  }
  const check = isBlurhashValid(hash);
  if (!check.result) throw new MastodonIllegalArgumentError(`Malformed blurhash ${JSON.stringify(hash)}: ${check.errorReason ?? 'invalid'}`);
  return hash;
}

/**
 * Decodes the blurhash of a media attachment (or a blurhash string) into a small image,
 * `[height][width][3]`: linear RGB floats by default, sRGB integers 0–255 with
 * `return_linear: false`. The size is `out_size` pixels per component (default 16 × 16 each),
 * or absolute with `size_per_component: false`. Pure: it makes no request, and a missing or
 * malformed hash throws `MastodonIllegalArgumentError`.
 *
 * ## Example
 * ```ts
 * const pixels = decodeBlurhash(media, { out_size: [32, 32], size_per_component: false, return_linear: false });
 * const [r, g, b] = pixels[0][0];
 * ```
 */
export function decodeBlurhash(media_dict: { readonly blurhash?: string | null } | string, options: DecodeBlurhashOptions = {}): BlurhashImage {
  const hash = validHash(media_dict);
  const [outX, outY] = options.out_size ?? [16, 16];
  if (!Number.isInteger(outX) || !Number.isInteger(outY) || outX < 1 || outY < 1) {
    throw new MastodonIllegalArgumentError('out_size must be two positive integers');
  }
  const { x, y, colours } = components(hash);
  const perComponent = options.size_per_component ?? true;
  const width = perComponent ? x * outX : outX;
  const height = perComponent ? y * outY : outY;
  if (options.return_linear === false) return srgbImage(hash, width, height);

  const image: BlurhashImage = [];
  for (let py = 0; py < height; py++) {
    const row: number[][] = [];
    for (let px = 0; px < width; px++) {
      const pixel = [0, 0, 0];
      for (let j = 0; j < y; j++) {
        for (let i = 0; i < x; i++) {
          const basis = Math.cos((Math.PI * px * i) / width) * Math.cos((Math.PI * py * j) / height);
          const colour = colours[i + j * x]!;
          pixel[0]! += colour[0] * basis;
          pixel[1]! += colour[1] * basis;
          pixel[2]! += colour[2] * basis;
        }
      }
      row.push(pixel);
    }
    image.push(row);
  }
  return image;
}

/** The `blurhash` package's RGBA decoding, as `[height][width][3]`. */
function srgbImage(hash: string, width: number, height: number): BlurhashImage {
  const rgba = decodeSrgba(hash, width, height);
  const image: BlurhashImage = [];
  for (let py = 0; py < height; py++) {
    const row: number[][] = [];
    for (let px = 0; px < width; px++) {
      const at = (py * width + px) * 4;
      row.push([rgba[at]!, rgba[at + 1]!, rgba[at + 2]!]);
    }
    image.push(row);
  }
  return image;
}
