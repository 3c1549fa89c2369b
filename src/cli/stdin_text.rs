//! Text piped into the program in the encodings Windows tools write: UTF-8 (with or without a
//! byte-order mark), UTF-16 with a byte-order mark (Event Viewer's "Save as text", PowerShell
//! 5.1's `Out-File` and `>`), and UTF-16 little-endian without one. A terminal gives UTF-8.

use std::io::{self, BufRead};

/// How the bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// Works out the encoding from the first bytes and consumes a byte-order mark.
fn detect(input: &mut impl BufRead) -> io::Result<Encoding> {
    let start = input.fill_buf()?;
    let (encoding, mark) = match start {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        // Text that starts with an ASCII character, in UTF-16 without a mark.
        [first, 0, ..] if *first != 0 => (Encoding::Utf16Le, 0),
        [0, second, ..] if *second != 0 => (Encoding::Utf16Be, 0),
        _ => (Encoding::Utf8, 0),
    };
    input.consume(mark);
    Ok(encoding)
}

/// The error for bytes that are not text: why, and what to do.
fn not_text(why: Why) -> io::Error {
    let message = match why {
        Why::BrokenUtf16 => {
            crate::tr!("the input is broken UTF-16: save it as UTF-8 or UTF-16 text and try again")
        }
        Why::NotUtf8 => crate::tr!(
            "the input is not UTF-8 text (probably an older Windows encoding): save it as UTF-8 or UTF-16 text and try again"
        ),
        Why::LineNotUtf8 => {
            crate::tr!("the line is not UTF-8 text: save it as UTF-8 or UTF-16 text and try again")
        }
    };
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// What is wrong with bytes that are not text.
#[derive(Debug, Clone, Copy)]
enum Why {
    BrokenUtf16,
    NotUtf8,
    LineNotUtf8,
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> io::Result<String> {
    let units = bytes.chunks(2).map(|pair| match (encoding, pair) {
        (Encoding::Utf16Be, [high, low]) => u16::from_be_bytes([*high, *low]),
        (_, [low, high]) => u16::from_le_bytes([*low, *high]),
        (_, [single]) => u16::from(*single),
        _ => 0,
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| not_text(Why::BrokenUtf16))
}

/// All of `input` as text.
pub fn read_all(input: &mut impl BufRead) -> io::Result<String> {
    let encoding = detect(input)?;
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    match encoding {
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|_| not_text(Why::NotUtf8)),
        utf16 => decode_utf16(&bytes, utf16),
    }
}

/// The next line of `input`, without its line end (`\n` or `\r\n`); `None` at the end.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let encoding = detect(input)?;
    let mut bytes = Vec::new();
    match encoding {
        Encoding::Utf8 => {
            input.read_until(b'\n', &mut bytes)?;
        }
        utf16 => loop {
            let mut unit = [0u8; 2];
            let got = read_up_to(input, &mut unit)?;
            bytes.extend_from_slice(&unit[..got]);
            let newline = match utf16 {
                Encoding::Utf16Be => [0, b'\n'],
                _ => [b'\n', 0],
            };
            if got < 2 || unit == newline {
                break;
            }
        },
    }
    if bytes.is_empty() {
        return Ok(None);
    }
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|_| not_text(Why::LineNotUtf8))?,
        utf16 => decode_utf16(&bytes, utf16)?,
    };
    Ok(Some(text.trim_end_matches(['\r', '\n']).to_owned()))
}

/// Reads until `buf` is full or the input ends; how many bytes were read.
fn read_up_to(input: &mut impl BufRead, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, mark: bool) -> Vec<u8> {
        let mut bytes = if mark { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn every_encoding_windows_tools_write_reads_the_same() {
        let text = "530 5.7.0 Must issue a STARTTLS command first — ünïcode\r\n";
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let mut utf8_mark = vec![0xEF, 0xBB, 0xBF];
        utf8_mark.extend(text.as_bytes());
        for bytes in [
            text.as_bytes().to_vec(),
            utf8_mark,
            utf16le(text, true),
            utf16le(text, false),
            utf16be,
        ] {
            assert_eq!(read_all(&mut bytes.as_slice()).unwrap(), text);
        }
    }

    #[test]
    fn lines_come_one_at_a_time_in_utf16_too() {
        for bytes in [
            b"first pw\r\nsecond pw\n".to_vec(),
            utf16le("first pw\r\nsecond pw\r\n", true),
        ] {
            let mut input = bytes.as_slice();
            assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("first pw"));
            assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("second pw"));
            assert_eq!(read_line(&mut input).unwrap(), None);
        }
    }

    #[test]
    fn bytes_that_are_not_text_are_an_error_not_garbage() {
        let err = read_all(&mut [b'a', 0xE9, b'b'].as_slice()).unwrap_err();
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
}
