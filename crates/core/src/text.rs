//! Turning the bytes of a file into text, remembering how, so that every finding can point
//! back at a byte offset in the file exactly as it was loaded.

use crate::finding::Location;
use serde::Serialize;

/// How the file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// Plain 7-bit ASCII (what MS-RMPR asks for).
    Ascii,
    /// UTF-8 with non-ASCII characters.
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16 little-endian (with or without BOM).
    Utf16Le,
    /// UTF-16 big-endian (with or without BOM).
    Utf16Be,
    /// Not decodable as any of the above; decoded lossily.
    Invalid,
}

/// Decoded text plus what is needed to map positions back to the loaded bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (BOM removed).
    pub text: String,
    /// How it was decoded.
    pub encoding: Encoding,
    /// Length of the byte order mark that was removed, in bytes.
    pub bom_len: usize,
    /// Byte offset of the first invalid UTF-8 sequence, when there was one.
    pub invalid_at: Option<usize>,
    /// UTF-16 only: position in `text` of the first thing that is not text in the encoding,
    /// when there was one: the U+FFFD that stands for an unpaired surrogate, the end of the
    /// text when a stray last byte follows it (an odd length), or a second byte order mark
    /// U+FEFF right after the first (XML readers refuse all three).
    pub unpaired_at: Option<usize>,
}

impl Decoded {
    /// Decodes `bytes`: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or detected by NUL pattern).
    pub fn new(bytes: &[u8]) -> Decoded {
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            let (text, invalid_at) = utf8_lossy(rest);
            let encoding = if invalid_at.is_some() {
                Encoding::Invalid
            } else {
                Encoding::Utf8Bom
            };
            return Decoded {
                text,
                encoding,
                bom_len: 3,
                invalid_at: invalid_at.map(|o| o + 3),
                unpaired_at: None,
            };
        }
        if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
            let (text, unpaired_at) = utf16(rest, false);
            let unpaired_at = second_bom(&text).or(unpaired_at);
            return Decoded {
                text,
                encoding: Encoding::Utf16Le,
                bom_len: 2,
                invalid_at: None,
                unpaired_at,
            };
        }
        if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
            let (text, unpaired_at) = utf16(rest, true);
            let unpaired_at = second_bom(&text).or(unpaired_at);
            return Decoded {
                text,
                encoding: Encoding::Utf16Be,
                bom_len: 2,
                invalid_at: None,
                unpaired_at,
            };
        }
        match bytes {
            // `<` NUL x with x ≠ NUL: UTF-16LE (`<` NUL NUL NUL would be UTF-32, not read).
            [b'<', 0, x, ..] if *x != 0 => {
                let (text, unpaired_at) = utf16(bytes, false);
                return Decoded {
                    text,
                    encoding: Encoding::Utf16Le,
                    bom_len: 0,
                    invalid_at: None,
                    unpaired_at,
                };
            }
            [0, b'<', ..] => {
                let (text, unpaired_at) = utf16(bytes, true);
                return Decoded {
                    text,
                    encoding: Encoding::Utf16Be,
                    bom_len: 0,
                    invalid_at: None,
                    unpaired_at,
                };
            }
            _ => {}
        }
        let (text, invalid_at) = utf8_lossy(bytes);
        let encoding = if invalid_at.is_some() {
            Encoding::Invalid
        } else if bytes.is_ascii() {
            Encoding::Ascii
        } else {
            Encoding::Utf8
        };
        Decoded {
            text,
            encoding,
            bom_len: 0,
            invalid_at,
            unpaired_at: None,
        }
    }

    /// True when the text came from UTF-16.
    pub fn is_utf16(&self) -> bool {
        matches!(self.encoding, Encoding::Utf16Le | Encoding::Utf16Be)
    }

    /// The byte offset in the loaded file of the text position `pos` (a byte index into
    /// `self.text`, clamped to its length).
    pub fn byte_offset(&self, pos: usize) -> usize {
        let pos = floor_char_boundary(&self.text, pos);
        let before = self.text.get(..pos).unwrap_or("");
        let len = if self.is_utf16() {
            before.encode_utf16().count() * 2
        } else {
            before.len()
        };
        self.bom_len + len
    }

    /// The location (byte offset, line, column) of the text position `pos`.
    pub fn location(&self, pos: usize) -> Location {
        let pos = floor_char_boundary(&self.text, pos);
        let before = self.text.get(..pos).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Location {
            offset: self.byte_offset(pos),
            line,
            column,
        }
    }
}

/// Locations in a [`Decoded`] text for positions that mostly increase: each look-up counts on
/// from the previous one, so locating every document of a large UTF-16 file stays linear.
pub struct Locator<'a> {
    decoded: &'a Decoded,
    last: std::cell::Cell<(usize, Location, usize)>,
    /// Text bytes walked by all look-ups so far (a look-up behind the last walks from 0).
    scanned: std::cell::Cell<usize>,
}

impl<'a> Locator<'a> {
    /// A locator over `decoded`.
    pub fn new(decoded: &'a Decoded) -> Locator<'a> {
        let start = Location {
            offset: decoded.bom_len,
            line: 1,
            column: 1,
        };
        Locator {
            decoded,
            last: std::cell::Cell::new((0, start, 0)),
            scanned: std::cell::Cell::new(0),
        }
    }

    /// Text bytes walked by all look-ups so far: linear reading keeps this within a small
    /// multiple of the text's length.
    pub fn scanned(&self) -> usize {
        self.scanned.get()
    }

    /// The location of text position `pos`.
    pub fn location(&self, pos: usize) -> Location {
        let text = &self.decoded.text;
        let pos = floor_char_boundary(text, pos);
        let (from, mut loc, mut units) = self.last.get();
        if pos < from {
            self.scanned.set(self.scanned.get() + pos);
            let l = self.decoded.location(pos);
            self.last.set((pos, l, l.offset - self.decoded.bom_len));
            return l;
        }
        self.scanned.set(self.scanned.get() + (pos - from));
        for c in text.get(from..pos).unwrap_or("").chars() {
            units += if self.decoded.is_utf16() {
                c.len_utf16() * 2
            } else {
                c.len_utf8()
            };
            if c == '\n' {
                loc.line += 1;
                loc.column = 1;
            } else {
                loc.column += 1;
            }
        }
        loc.offset = self.decoded.bom_len + units;
        self.last.set((pos, loc, units));
        loc
    }
}

/// The location of a byte offset in raw bytes that were not decoded (lines counted on `\n`).
pub fn raw_location(bytes: &[u8], offset: usize) -> Location {
    let offset = offset.min(bytes.len());
    let before = bytes.get(..offset).unwrap_or(&[]);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Location {
        offset,
        line,
        column: offset - line_start + 1,
    }
}

/// Locations in a byte buffer for look-ups that mostly come in increasing order (the reader's):
/// a cursor moves forward, so a whole file of look-ups costs one pass and no memory per line
/// (a table of line starts was 8 bytes per line: 512 MB for 64 MiB of newlines). A look-up
/// behind the cursor starts again from the beginning.
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    /// (offset, 1-based line, offset of that line's start)
    cursor: std::cell::Cell<(usize, usize, usize)>,
    /// Bytes walked by all look-ups so far.
    scanned: std::cell::Cell<usize>,
}

impl<'a> LineIndex<'a> {
    /// A locator over `bytes`.
    pub fn new(bytes: &'a [u8]) -> LineIndex<'a> {
        LineIndex {
            bytes,
            cursor: std::cell::Cell::new((0, 1, 0)),
            scanned: std::cell::Cell::new(0),
        }
    }

    /// Bytes walked by all look-ups so far: linear reading keeps this within a small
    /// multiple of the input's length.
    pub fn scanned(&self) -> usize {
        self.scanned.get()
    }

    /// The location of byte `offset` (column counted in bytes).
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.bytes.len());
        let (mut pos, mut line, mut start) = self.cursor.get();
        if offset < pos {
            (pos, line, start) = (0, 1, 0);
        }
        let span = self.bytes.get(pos..offset).unwrap_or(&[]);
        self.scanned.set(self.scanned.get() + span.len());
        line += memchr::memchr_iter(b'\n', span).count();
        if let Some(last) = memchr::memrchr(b'\n', span) {
            start = pos + last + 1;
        }
        self.cursor.set((offset, line, start));
        Location {
            offset,
            line,
            column: offset - start + 1,
        }
    }
}

#[cfg(test)]
mod line_index_tests {
    use super::*;

    #[test]
    fn forward_and_backward_look_ups_agree_with_a_direct_count() {
        let text = b"ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        for &o in &[0usize, 2, 3, 5, 6, 7, 9, 4, 1, 10, 99] {
            let l = idx.location(o);
            let o = o.min(text.len());
            let before = &text[..o];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            assert_eq!(
                (l.offset, l.line, l.column),
                (o, line, o - start + 1),
                "{o}"
            );
        }
    }
}

/// Position 0 when UTF-16 text, its byte order mark removed, starts with U+FEFF again: a
/// second mark, which XML readers take as a character before the document and refuse.
fn second_bom(text: &str) -> Option<usize> {
    text.starts_with('\u{feff}').then_some(0)
}

fn floor_char_boundary(s: &str, mut pos: usize) -> usize {
    pos = pos.min(s.len());
    while pos > 0 && !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn utf8_lossy(bytes: &[u8]) -> (String, Option<usize>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(e.valid_up_to()),
        ),
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> (String, Option<usize>) {
    let units = bytes.chunks_exact(2).map(|p| match p {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut unpaired = None;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                unpaired = unpaired.or(Some(text.len()));
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    // A stray last byte is half a code unit, not text (expat and .NET refuse the file): marked
    // at the end of the text, where it stands; nothing is added for it.
    if bytes.len() % 2 == 1 {
        unpaired = unpaired.or(Some(text.len()));
    }
    (text, unpaired)
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// Uppercase hex with colons, as Windows shows thumbprints' neighbours (`AB:CD:…`).
pub fn hex_colons(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The encoding an XML declaration at the very start of `text` names (`<?xml version="1.0"
/// encoding="…"?>`; the text without its byte order mark), as written; `None` without a
/// declaration or without an encoding in it. Reads at most the declaration's first 256 bytes.
pub fn declared_encoding(text: &[u8]) -> Option<&str> {
    let rest = text.strip_prefix(b"<?xml")?;
    if !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let head = rest.get(..rest.len().min(256)).unwrap_or(rest);
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = head.get(..end)?;
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let after = decl.get(at + 8..)?;
    let after = after.get(after.iter().position(|c| !c.is_ascii_whitespace())?..)?;
    let after = after.strip_prefix(b"=")?;
    let after = after.get(after.iter().position(|c| !c.is_ascii_whitespace())?..)?;
    let quote = *after.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let value = after.get(1..)?;
    let value = value.get(..value.iter().position(|&c| c == quote)?)?;
    std::str::from_utf8(value).ok()
}

/// Whether a file may declare the encoding `label` ([`declared_encoding`]): a UTF-8 or ASCII
/// file UTF-8 (`utf-8`, `utf8`), and an ASCII file also an encoding that reads ASCII as ASCII
/// (`us-ascii`, `iso-8859-1`, `windows-1252`). An XML reader decodes by the declaration once
/// the first bytes allow it: a UTF-8 file declared UTF-7 or EBCDIC is read as other
/// characters, and one declared UTF-16 is refused (.NET: "no byte order mark, cannot switch to
/// Unicode"). A UTF-16 file is read as UTF-16 by its byte order mark or its NUL pattern,
/// whatever it declares (an editor's "save as Unicode" keeps the old declaration): any label.
pub fn declaration_fits(label: &str, encoding: Encoding) -> bool {
    let l = label.trim().to_ascii_lowercase();
    match encoding {
        Encoding::Utf16Le | Encoding::Utf16Be => true,
        Encoding::Ascii => matches!(
            l.as_str(),
            "utf-8" | "utf8" | "us-ascii" | "iso-8859-1" | "windows-1252"
        ),
        Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Invalid => {
            matches!(l.as_str(), "utf-8" | "utf8")
        }
    }
}

/// The first position of `needle` in `hay`: `memchr` to each candidate first byte, then a
/// comparison of at most `needle.len()` bytes (the needles are short constants). Measured
/// against `memchr::memmem::find`: that is faster where the first byte is frequent (`<` in
/// XML), but its two-byte scan is ~2.4× slower over long runs with few candidates (a 10 MB
/// file of spaces: `inspect_10mb_file` +18 %), so it is used only on bounded text.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut i = 0;
    while let Some(p) = hay.get(i..).and_then(|h| memchr::memchr(first, h)) {
        let at = i + p;
        if hay.get(at + 1..).is_some_and(|t| t.starts_with(rest)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// `s` without the whitespace XML knows (space, tab, carriage return, line feed, XML 1.0
/// §2.3 S) at either end. Not `str::trim`, which also takes U+00A0, U+0085, U+2028, U+3000
/// and others: an ID or NAME ending in a no-break space is not the ID or NAME without it.
pub fn trim_xml(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16le_offsets_map_back_to_bytes() {
        let src = "<a>\n<b/>";
        let mut bytes = vec![0xFF, 0xFE];
        for u in src.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = Decoded::new(&bytes);
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.text, src);
        let loc = d.location(4);
        assert_eq!(
            loc,
            Location {
                offset: 2 + 8,
                line: 2,
                column: 1
            }
        );
    }

    /// Half a code unit at the end, or a second byte order mark, is not text: marked where it
    /// is, as an unpaired surrogate is.
    #[test]
    fn a_stray_byte_or_second_bom_in_utf16_is_not_text() {
        let le = |s: &str| {
            s.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>()
        };
        let mut odd = [&[0xFF, 0xFE][..], &le("<a/>")].concat();
        assert_eq!(Decoded::new(&odd).unpaired_at, None);
        odd.push(b'<');
        let d = Decoded::new(&odd);
        assert_eq!((d.text.as_str(), d.unpaired_at), ("<a/>", Some(4)));
        let bare = [&le("<a/>")[..], b"x"].concat();
        assert_eq!(Decoded::new(&bare).unpaired_at, Some(4));
        let mut be: Vec<u8> = [0xFE, 0xFF].into();
        be.extend("<a/>".encode_utf16().flat_map(u16::to_be_bytes));
        be.push(0);
        assert_eq!(Decoded::new(&be).unpaired_at, Some(4));
        let twice = [&[0xFF, 0xFE, 0xFF, 0xFE][..], &le("<a/>")].concat();
        assert_eq!(Decoded::new(&twice).unpaired_at, Some(0));
        let twice_be = [&[0xFE, 0xFF, 0xFE, 0xFF][..], &le("<a/>")].concat();
        assert_eq!(Decoded::new(&twice_be).unpaired_at, Some(0));
        // U+FEFF later in the text is a character like any other.
        let later = [&[0xFF, 0xFE][..], &le("<a>\u{feff}</a>")].concat();
        assert_eq!(Decoded::new(&later).unpaired_at, None);
    }

    #[test]
    fn the_locator_agrees_with_location() {
        let src = "<a>\nx\u{e9}\u{1F600}\n  <b/>\n</a>";
        for bytes in [src.as_bytes().to_vec(), {
            let mut b = vec![0xFF, 0xFE];
            b.extend(src.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }] {
            let d = Decoded::new(&bytes);
            let l = Locator::new(&d);
            for pos in [0, 3, 4, 6, 10, 13, 2, 17, d.text.len()] {
                assert_eq!(l.location(pos), d.location(pos), "pos {pos}");
            }
        }
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let d = Decoded::new(b"<a>\xff</a>");
        assert_eq!(d.encoding, Encoding::Invalid);
        assert_eq!(d.invalid_at, Some(3));
    }

    #[test]
    fn the_declared_encoding_must_be_the_files() {
        fn d(t: &str) -> Option<&str> {
            declared_encoding(t.as_bytes())
        }
        assert_eq!(
            d("<?xml version=\"1.0\" encoding=\"utf-7\"?><a/>"),
            Some("utf-7")
        );
        assert_eq!(
            d("<?xml version='1.0' encoding = 'IBM037' ?>"),
            Some("IBM037")
        );
        assert_eq!(d("<?xml version=\"1.0\"?><a encoding=\"x\"/>"), None);
        assert_eq!(d(" <?xml version=\"1.0\" encoding=\"utf-7\"?>"), None);
        assert_eq!(d("<?xml-stylesheet encoding=\"utf-7\"?>"), None);
        assert_eq!(d("<?xml version=\"1.0\" encoding=\"utf-7"), None);
        for (label, encoding, fits) in [
            ("utf-8", Encoding::Ascii, true),
            ("UTF-8", Encoding::Utf8Bom, true),
            ("us-ascii", Encoding::Ascii, true),
            ("us-ascii", Encoding::Utf8, false),
            ("windows-1252", Encoding::Utf8, false),
            ("utf-7", Encoding::Ascii, false),
            ("IBM037", Encoding::Ascii, false),
            ("utf-16", Encoding::Ascii, false),
            ("utf-16", Encoding::Utf16Le, true),
            ("Unicode", Encoding::Utf16Be, true),
            ("utf-8", Encoding::Utf16Le, true),
        ] {
            assert_eq!(
                declaration_fits(label, encoding),
                fits,
                "{label} {encoding:?}"
            );
        }
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
