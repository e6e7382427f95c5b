import { describe, expect, it } from 'vitest';
import { detectFileType, sanitizeFileName } from '#shared/domain/model/file-types.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

/** A ZIP's first local header naming `entry`, as office documents begin. */
const zipWith = (entry: string, after = '') =>
  bytes([0x50, 0x4b, 0x03, 0x04], new Array(26).fill(0), entry, after);

describe('File types: told by content, never by name', () => {
  it('knows a PDF, PNG, JPEG and WebP by their first bytes, whatever they are called', () => {
    expect(detectFileType(bytes('%PDF-1.7\n'), 'scan.png')?.contentType).toBe('application/pdf');
    expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'x')?.extension).toBe(
      'png',
    );
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0]), 'photo')?.extension).toBe('jpg');
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'a')?.extension).toBe('webp');
  });

  it('refuses HTML, SVG, scripts and executables even when named like a PDF', () => {
    expect(detectFileType(bytes('<html><script>'), 'minutes.pdf')).toBeUndefined();
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'), 'chart.png')).toBeUndefined();
    expect(detectFileType(bytes('MZ\x90\x00'), 'decision.pdf')).toBeUndefined();
    expect(detectFileType(bytes('#!/bin/sh'), 'a.docx')).toBeUndefined();
  });

  it('accepts a ZIP only as the office document its entries show, and an OpenDocument by its mimetype', () => {
    expect(detectFileType(zipWith('[Content_Types].xml', 'word/document.xml'), 'plan.docx')?.extension).toBe(
      'docx',
    );
    // The same Word package called .xlsx is not a spreadsheet: refused rather than mislabelled.
    expect(detectFileType(zipWith('[Content_Types].xml', 'word/document.xml'), 'plan.xlsx')).toBeUndefined();
    expect(detectFileType(zipWith('payload.exe'), 'plan.docx')).toBeUndefined();
    expect(
      detectFileType(zipWith('mimetype', 'application/vnd.oasis.opendocument.text'), 'minutes')?.extension,
    ).toBe('odt');
  });
});

describe('File names', () => {
  it('keeps the last path segment, drops control and direction characters, and ends in the real type', () => {
    const pdf = { extension: 'pdf', contentType: 'application/pdf' };
    expect(sanitizeFileName('../../etc/Council decision\u202e.pdf', pdf)).toBe('Council decision.pdf');
    expect(sanitizeFileName('C:\\Users\\me\\report.pdf.exe', pdf)).toBe('report.pdf.exe.pdf');
    expect(sanitizeFileName('scan.JPEG', { extension: 'jpg', contentType: 'image/jpeg' })).toBe('scan.jpg');
    expect(sanitizeFileName('CON', pdf)).toBe('file.pdf');
    expect(sanitizeFileName(`${'a'.repeat(300)}.pdf`, pdf)).toHaveLength(120);
  });
});
