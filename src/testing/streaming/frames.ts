// The WebSocket framing the fake server (and the benchmarks' stream server) speak.

/**
 * One server→client frame: FIN set, unmasked.
 * @example socket.write(frame(0x9))  // a ping
 */
export function frame(opcode: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length])
    : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
      : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(length)); return b; })()]);
  return Buffer.concat([header, payload]);
}

/**
 * Reads the client's (masked) frames out of a byte stream that arrives in arbitrary chunks.
 * @example const reader = new FrameReader((opcode, payload) => ...); socket.on('data', (b) => reader.push(b));
 */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (opcode: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const b = this.buffered;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      const masked = (b[1]! & 0x80) !== 0;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const maskOffset = offset;
      if (masked) offset += 4;
      if (b.length < offset + length) return;
      const payload = Buffer.from(b.subarray(offset, offset + length));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= b[maskOffset + (i % 4)]!;
      this.buffered = b.subarray(offset + length);
      this.onFrame(opcode, payload);
    }
  }
}

/**
 * One server→client text frame.
 * @example socket.write(textFrame('{"event":"update"}'))
 */
export function textFrame(text: string): Buffer {
  return frame(0x1, Buffer.from(text));
}
