import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFromFileName, decodePage, readPages } from '../../src/pages/read.ts';
import { big5Bytes, gbkBytes, utf16Bytes } from '../support/gbk.ts';

const SEED = readFileSync('seeds/000_a0e9c727c4644766.txt', 'utf8');

describe('decoding page files', () => {
  it('reads UTF-8, UTF-8 with BOM and GB18030 to the same text', () => {
    const sample = SEED.slice(0, 2000);
    const utf8 = decodePage(new TextEncoder().encode(sample));
    const bom = decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]));
    const gbk = decodePage(gbkBytes(sample));
    expect(utf8).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(bom).toMatchObject({ ok: true, text: utf8.ok ? utf8.text : '' });
    expect(gbk).toMatchObject({ ok: true, encoding: 'gb18030', text: utf8.ok ? utf8.text : '' });
  });

  it('reads UTF-16 with or without a byte-order mark', () => {
    const sample = SEED.slice(0, 1500);
    for (const endian of ['le', 'be'] as const) {
      for (const mark of [true, false]) {
        expect(decodePage(utf16Bytes(sample, endian, mark))).toMatchObject({
          ok: true,
          encoding: `utf-16${endian}`,
          text: sample.replace(/[ \t\u3000]+$/gm, ''),
        });
      }
    }
  });

  it('tells Big5 from GB18030 by how common the decoded characters are', () => {
    const traditional =
      '邵陽新聞網訊 近日，城步苗族自治縣舉辦鄉村文化節，來自各鄉鎮的文藝隊伍同台演出，吸引數千名群眾觀看。\n活動現場還設置了非遺展示區。';
    expect(decodePage(big5Bytes(traditional))).toEqual({ ok: true, encoding: 'big5', text: traditional });
    const simplified = '近日，城步苗族自治县举办乡村文化节，来自各乡镇的文艺队伍同台演出，吸引数千名群众观看。';
    expect(decodePage(gbkBytes(simplified))).toEqual({ ok: true, encoding: 'gb18030', text: simplified });
  });

  it('puts back the punctuation some PDF e-papers lose to characters of the same font slot', () => {
    const garbled = '某县中医院地址院某市东大路12号渊乘1尧8路公交车冤袁咨询电话院0000-1234567遥门诊尧住院尧体检均可预约遥';
    const result = decodePage(new TextEncoder().encode(garbled));
    expect(result).toMatchObject({
      ok: true,
      text: '某县中医院地址：某市东大路12号（乘1、8路公交车），咨询电话：0000-1234567。门诊、住院、体检均可预约。',
    });
    // Ordinary text with 院 and 袁 keeps them.
    const plain = '袁老师在学院工作多年，桃李满天下。学院里的学生都很敬重她。';
    expect(decodePage(new TextEncoder().encode(plain))).toMatchObject({ ok: true, text: plain });
  });

  it('turns CRLF and CR line endings into LF', () => {
    const result = decodePage(new TextEncoder().encode('标题\r\n\r\n正文第一段。\r第二段。'));
    expect(result).toEqual({ ok: true, encoding: 'utf-8', text: '标题\n\n正文第一段。\n第二段。' });
  });

  it('refuses empty and binary files with a reason', () => {
    expect(decodePage(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decodePage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatchObject({ ok: false });
  });
});

describe('publication dates', () => {
  it('takes the date from the file name when it carries one', () => {
    expect(dateFromFileName('2022-11-20_邵阳日报.txt')).toBe('2022-11-20');
    expect(dateFromFileName('hnrb20230301-02.txt')).toBe('2023-03-01');
    expect(dateFromFileName('000_a0e9c727c4644766.txt')).toBeUndefined();
  });

  it('falls back to the modification time and skips bad files with a warning naming them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xiangwen-pages-'));
    writeFileSync(join(dir, 'plain.txt'), SEED);
    utimesSync(join(dir, 'plain.txt'), new Date('2021-05-04T02:00:00Z'), new Date('2021-05-04T02:00:00Z'));
    writeFileSync(join(dir, '2020-01-02_dated.txt'), SEED);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(join(dir, 'notes.md'), 'not a page');
    const warnings: string[] = [];
    try {
      const pages = readPages(dir, (w) => warnings.push(w.file));
      expect(pages.map((p) => [p.file, p.date])).toEqual([
        ['2020-01-02_dated.txt', '2020-01-02'],
        ['plain.txt', '2021-05-04'],
      ]);
      expect(warnings.sort()).toEqual(['empty.txt', 'image.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
