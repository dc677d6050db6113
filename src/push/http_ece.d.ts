// Types of the parts of http_ece 1.x that mastodon-rx uses.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';

  interface EceParams {
    version?: 'aesgcm' | 'aes128gcm' | 'aesgcm128';
    salt?: string | Buffer;
    dh?: string | Buffer;
    privateKey?: ECDH;
    authSecret?: string | Buffer;
    keylabel?: string;
    keyid?: string | Buffer;
    rs?: number;
  }

  export function decrypt(buffer: Buffer, params: EceParams): Buffer;
  export function encrypt(buffer: Buffer, params: EceParams): Buffer;
}
