import { unzipSync } from 'fflate';
import type { FeedFile } from './types';

/**
 * Bytes to text the way distributors' files come: UTF-8 with or without a BOM, or Windows-1252
 * (Excel's "CSV" on Windows). Zips are unpacked; binary files are refused with one message.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; refused: string };

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Unpacks zips (PU's price-file download) into their files; other files pass through. */
export function expandFiles(files: readonly FeedFile[]): FeedFile[] | { refused: string } {
	const out: FeedFile[] = [];
	for (const file of files) {
		if (!isZip(file.bytes)) {
			out.push(file);
			continue;
		}
		let entries: Record<string, Uint8Array>;
		try {
			entries = unzipSync(file.bytes);
		} catch {
			return { refused: `${file.name} is a damaged zip file and cannot be opened.` };
		}
		for (const [name, bytes] of Object.entries(entries)) {
			if (!name.endsWith('/') && !name.startsWith('__MACOSX')) out.push({ name, bytes });
		}
	}
	return out;
}

export function decodeText(file: FeedFile): Decoded {
	const { bytes, name } = file;
	if (bytes.length === 0) return { ok: false, refused: `${name} is empty.` };
	if (isZip(bytes)) {
		return {
			ok: false,
			refused: `${name} is a zip that holds no feed file (an Excel .xlsx is a zip too: save it as CSV).`
		};
	}
	// Text never holds NUL bytes; spreadsheets, PDFs and images do.
	const head = bytes.subarray(0, 8192);
	if (head.includes(0)) {
		return { ok: false, refused: `${name} is not a text feed (it looks like a binary file).` };
	}
	const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return nonEmpty(name, text, hasBom ? 'UTF-8 with BOM' : 'UTF-8');
	} catch {
		// Not valid UTF-8: every byte is a Windows-1252 character, so this cannot fail.
		return nonEmpty(name, decodeWindows1252(bytes), 'Windows-1252');
	}
}

/** 0x80–0x9F in Windows-1252 (the rest is Latin-1); 0 marks the five unassigned bytes. */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
	0x203a, 0x0153, 0, 0x017e, 0x0178
];

/**
 * By hand rather than TextDecoder('windows-1252'): Node without full ICU decodes that label as
 * ISO-8859-1 and turns "–" into a control character.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	const STEP = 8192;
	for (let at = 0; at < bytes.length; at += STEP) {
		const codes = Array.from(bytes.subarray(at, at + STEP), (b) =>
			b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b
		);
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}

function nonEmpty(name: string, text: string, encoding: string): Decoded {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, refused: `${name} is empty.` };
	return { ok: true, text: body, encoding };
}
