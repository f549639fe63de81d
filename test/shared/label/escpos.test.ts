import { describe, expect, it } from 'vitest';
import { readEscpos } from '../../../shared/label/read/readEscpos';

const gbk = (b: Uint8Array) => new TextDecoder('gb18030').decode(b);

describe('readEscpos', () => {
  it('reads styles, a raster image, a barcode and a cut; names what it does not know', () => {
    const bytes = new Uint8Array([
      0x1b, 0x40, 0x1c, 0x26, 0x1b, 0x61, 0x01, 0x1d, 0x21, 0x11, 0xc5, 0xa3, 0xc4, 0xcc, 0x0a,
      0x1d, 0x21, 0x00, 0x1b, 0x61, 0x00, 0x41, 0x42, 0x0a,
      0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xf0, 0x0f,
      0x1d, 0x6b, 0x49, 0x05, 0x7b, 0x42, 0x41, 0x31, 0x32,
      0x1d, 0x7c, 0x1d, 0x56, 0x00,
    ]);
    const d = readEscpos(bytes, gbk);
    expect(d.lines.map((l) => [l.text, l.align, l.width, l.height])).toEqual([['牛奶', 'center', 2, 2], ['AB', 'left', 1, 1]]);
    expect(d.images).toHaveLength(1);
    expect([...d.images[0]!.data]).toEqual([0xf0, 0x0f]);
    expect(d.barcodes).toEqual([{ type: 73, data: 'A12' }]);
    expect(d.cuts).toBe(1);
    expect(d.unknown).toEqual(['GS 7c']);
  });

  it('says where a job is cut off', () => {
    expect(() => readEscpos(new Uint8Array([0x1d, 0x76, 0x30, 0x00, 0x10, 0x00, 0x10, 0x00, 0x01]), gbk)).toThrow(/raster data at byte 8 is cut off/);
  });
});
