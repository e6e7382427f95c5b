/**
 * What files a task may carry, told by their content, never by their name: a PDF starts with `%PDF-`, a PNG
 * with its eight-byte signature, an office document is a ZIP whose entries name its kind (or an OLE2
 * compound file for the old formats). A name says only which of the office kinds is meant, and only when the
 * content agrees. Scripts, executables, HTML and SVG (which can carry script) are never accepted.
 */

/** A file type the engine accepts, by the extension it is stored with. */
export interface FileType {
  extension: string;
  contentType: string;
}

const OOXML: Record<string, FileType & { part: string }> = {
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    part: 'word/',
  },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    part: 'xl/',
  },
  pptx: {
    extension: 'pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    part: 'ppt/',
  },
};

const ODF: Record<string, FileType> = {
  'application/vnd.oasis.opendocument.text': {
    extension: 'odt',
    contentType: 'application/vnd.oasis.opendocument.text',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    extension: 'ods',
    contentType: 'application/vnd.oasis.opendocument.spreadsheet',
  },
  'application/vnd.oasis.opendocument.presentation': {
    extension: 'odp',
    contentType: 'application/vnd.oasis.opendocument.presentation',
  },
};

const LEGACY_OFFICE: Record<string, FileType> = {
  doc: { extension: 'doc', contentType: 'application/msword' },
  xls: { extension: 'xls', contentType: 'application/vnd.ms-excel' },
  ppt: { extension: 'ppt', contentType: 'application/vnd.ms-powerpoint' },
};

/** Every type a file may have, for people choosing a file (the `accept` of an upload field). */
export const ACCEPTED_FILE_TYPES: readonly FileType[] = [
  { extension: 'pdf', contentType: 'application/pdf' },
  { extension: 'png', contentType: 'image/png' },
  { extension: 'jpg', contentType: 'image/jpeg' },
  { extension: 'webp', contentType: 'image/webp' },
  ...Object.values(OOXML).map(({ extension, contentType }) => ({ extension, contentType })),
  ...Object.values(ODF),
  ...Object.values(LEGACY_OFFICE),
];

/** How many bytes from the start of a file are enough to tell its type. */
export const FILE_HEAD_BYTES = 64 * 1024;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((byte, index) => head[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
// Entry names are ASCII: any single-byte decoding finds them.
const latin1 = (head: Uint8Array) => new TextDecoder('latin1').decode(head.subarray(0, FILE_HEAD_BYTES));

/** The extension of a file name, lower-case, or '' when it has none. */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * The type of a file from its first bytes (up to FILE_HEAD_BYTES) and, for the office formats that share a
 * container, the extension of its name; undefined when it is not a type the engine accepts.
 */
export function detectFileType(head: Uint8Array, name: string): FileType | undefined {
  if (startsWith(head, ascii('%PDF-'))) return { extension: 'pdf', contentType: 'application/pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { extension: 'png', contentType: 'image/png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { extension: 'jpg', contentType: 'image/jpeg' };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8))
    return { extension: 'webp', contentType: 'image/webp' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipType(head, extensionOf(name));
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return LEGACY_OFFICE[extensionOf(name)];
  return undefined;
}

/** A ZIP is an office document when its entries say so; any other ZIP is refused. */
function zipType(head: Uint8Array, extension: string): FileType | undefined {
  const text = latin1(head);
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the media type (ODF 1.2, 3.3).
  if (text.slice(30, 38) === 'mimetype') {
    const media = /^application\/vnd\.oasis\.opendocument\.[a-z]+/.exec(text.slice(38, 38 + 80))?.[0];
    return media ? ODF[media] : undefined;
  }
  // Office Open XML: the package names its content types and keeps its main part in a folder per kind.
  const ooxml = OOXML[extension];
  if (ooxml && text.includes('[Content_Types].xml') && text.includes(ooxml.part))
    return { extension: ooxml.extension, contentType: ooxml.contentType };
  return undefined;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name safe to show and to offer for download: the last path segment only, no control or reserved
 * characters, whitespace collapsed, no leading dots, at most 120 characters, and the extension of its real
 * type (a "report.pdf.exe" that is a PDF becomes "report.pdf.exe.pdf": the content decides, the name only
 * informs).
 */
export function sanitizeFileName(name: string, type?: FileType): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let base = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (type) {
    const given = extensionOf(base);
    const sameType = given === type.extension || (type.extension === 'jpg' && given === 'jpeg');
    if (sameType) base = base.slice(0, -(given.length + 1)).replace(/[\s.]+$/g, '');
  }
  if (!base || RESERVED.test(base)) base = 'file';
  const suffix = type ? `.${type.extension}` : '';
  const room = 120 - suffix.length;
  const short =
    [...base]
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/g, '') || 'file';
  return `${short}${suffix}`;
}
