//! The tokens of PHP code: words, quoted strings (with their escapes), numbers and single
//! characters, with the line each starts on. Comments, heredocs and inline HTML (`?>` ...
//! `<?php`) are skipped.

use super::Broken;

/// One token and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// What it is.
    pub kind: Kind,
    /// Its line (from 1).
    pub line: usize,
}

/// A token's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// A name or keyword (`define`, `true`, `getenv`).
    Word(String),
    /// A quoted string or heredoc; `None` when it is not plain text (variables in it, bytes
    /// that are not UTF-8, a heredoc).
    Text(Option<String>),
    /// A number; `None` when it is not a plain decimal (`0x1F`, `1_000`, `2.5`, `0587`).
    Number(Option<i64>),
    /// Any other character.
    Punct(char),
}

/// The tokens of the PHP code in `text` (inline HTML after `?>` is skipped).
pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, Broken> {
    let mut lexer = Lexer {
        src: text.as_bytes(),
        at: 0,
        line: 1,
        first_multiline: None,
    };
    let mut tokens = Vec::new();
    while let Some(byte) = lexer.peek(0) {
        let line = lexer.line;
        let kind = match byte {
            b'?' if lexer.peek(1) == Some(b'>') => {
                lexer.advance(2);
                lexer.skip_past(b"<?");
                continue;
            }
            b'#' if lexer.peek(1) != Some(b'[') => {
                lexer.line_comment();
                continue;
            }
            b'/' if lexer.peek(1) == Some(b'/') => {
                lexer.line_comment();
                continue;
            }
            b'/' if lexer.peek(1) == Some(b'*') => {
                // An unclosed comment runs to the end of the file, as in PHP.
                lexer.advance(2);
                lexer.skip_past(b"*/");
                continue;
            }
            b'\'' | b'"' => Kind::Text(lexer.quoted(byte)?),
            b'<' if lexer.src[lexer.at..].starts_with(b"<<<") && lexer.heredoc()? => {
                Kind::Text(None)
            }
            b'0'..=b'9' => Kind::Number(lexer.number()),
            _ if is_word_byte(byte) => Kind::Word(lexer.word()),
            _ if byte.is_ascii_whitespace() => {
                lexer.bump();
                continue;
            }
            _ => {
                lexer.bump();
                Kind::Punct(char::from(byte))
            }
        };
        tokens.push(Token { kind, line });
    }
    Ok(tokens)
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

struct Lexer<'a> {
    src: &'a [u8],
    at: usize,
    line: usize,
    /// The line of the first quoted string that runs over several lines: where a missing
    /// quote most likely is when the file ends inside a string.
    first_multiline: Option<usize>,
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek(0)?;
        self.at += 1;
        if byte == b'\n' {
            self.line += 1;
        }
        Some(byte)
    }

    fn advance(&mut self, count: usize) {
        for _ in 0..count {
            self.bump();
        }
    }

    /// Moves past the next `end` (or to the end of the file).
    fn skip_past(&mut self, end: &[u8]) {
        while self.at < self.src.len() && !self.src[self.at..].starts_with(end) {
            self.bump();
        }
        self.advance(end.len());
    }

    /// `//` or `#` to the end of the line; `?>` ends it too.
    fn line_comment(&mut self) {
        while let Some(byte) = self.peek(0) {
            if byte == b'\n' || (byte == b'?' && self.peek(1) == Some(b'>')) {
                return;
            }
            self.bump();
        }
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self.peek(0).is_some_and(is_word_byte) {
            self.bump();
        }
        String::from_utf8_lossy(&self.src[start..self.at]).into_owned()
    }

    fn number(&mut self) -> Option<i64> {
        let start = self.at;
        while self
            .peek(0)
            .is_some_and(|byte| is_word_byte(byte) || byte == b'.')
        {
            self.bump();
        }
        let digits = &self.src[start..self.at];
        let plain = digits.iter().all(u8::is_ascii_digit)
            && (digits.len() == 1 || digits.first() != Some(&b'0'));
        plain
            .then(|| std::str::from_utf8(digits).ok()?.parse().ok())
            .flatten()
    }

    /// A `'...'` or `"..."` string; `None` when it is not plain text.
    fn quoted(&mut self, quote: u8) -> Result<Option<String>, Broken> {
        let start = self.line;
        let broken = match self.first_multiline {
            Some(line) => Broken {
                line,
                problem: crate::en!(
                    "a quoted string starts here and runs over several lines; the file ends \
                     inside a string, so a quote is probably missing here"
                ),
            },
            None => Broken {
                line: start,
                problem: crate::en!("a quoted string starts here and is never closed"),
            },
        };
        self.bump();
        let mut out = Vec::new();
        let mut plain = true;
        loop {
            let byte = self.bump().ok_or_else(|| broken.clone())?;
            let next = self.peek(0);
            match byte {
                _ if byte == quote => break,
                b'\\' if quote == b'\'' => {
                    if matches!(next, Some(b'\\' | b'\'')) {
                        out.extend(self.bump());
                    } else {
                        out.push(byte);
                    }
                }
                b'\\' => self.double_quoted_escape(&mut out),
                // `"$name"`, `"${name}"`: PHP puts a variable's value there.
                b'$' if quote == b'"'
                    && next
                        .is_some_and(|b| b == b'{' || (is_word_byte(b) && !b.is_ascii_digit())) =>
                {
                    plain = false;
                }
                b'{' if quote == b'"' && next == Some(b'$') => plain = false,
                _ => out.push(byte),
            }
        }
        if self.line != start && self.first_multiline.is_none() {
            self.first_multiline = Some(start);
        }
        Ok(plain.then(|| String::from_utf8(out).ok()).flatten())
    }

    /// The escape after a `\` in a double-quoted string (`\n`, `\x41`, `\101`, `\u{41}`...);
    /// an unknown one stays as written.
    fn double_quoted_escape(&mut self, out: &mut Vec<u8>) {
        let simple = match self.peek(0) {
            Some(b'n') => Some(b'\n'),
            Some(b't') => Some(b'\t'),
            Some(b'r') => Some(b'\r'),
            Some(b'v') => Some(0x0b),
            Some(b'e') => Some(0x1b),
            Some(b'f') => Some(0x0c),
            Some(byte @ (b'\\' | b'$' | b'"')) => Some(byte),
            _ => None,
        };
        if let Some(byte) = simple {
            self.bump();
            out.push(byte);
        } else if let Some(byte) = self.digits(8, 3) {
            out.push(byte);
        } else if self.peek(0) == Some(b'x') && self.peek(1).is_some_and(|b| b.is_ascii_hexdigit())
        {
            self.bump();
            out.extend(self.digits(16, 2));
        } else if self.peek(0) == Some(b'u') && self.peek(1) == Some(b'{') {
            let end = self.src[self.at..].iter().position(|&b| b == b'}');
            let code = end
                .and_then(|end| std::str::from_utf8(&self.src[self.at + 2..self.at + end]).ok())
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32);
            if let (Some(end), Some(code)) = (end, code) {
                self.advance(end + 1);
                out.extend(code.encode_utf8(&mut [0; 4]).as_bytes());
            } else {
                out.push(b'\\');
            }
        } else {
            out.push(b'\\');
        }
    }

    /// One to `max` digits of `radix` as one byte (PHP keeps the low 8 bits); `None` when no
    /// digit follows.
    fn digits(&mut self, radix: u32, max: usize) -> Option<u8> {
        let mut value = 0u32;
        let mut count = 0;
        while count < max
            && let Some(digit) = self.peek(0).and_then(|b| char::from(b).to_digit(radix))
        {
            value = value * radix + digit;
            count += 1;
            self.bump();
        }
        (count > 0).then_some(value.to_le_bytes()[0])
    }

    /// A heredoc or nowdoc (`<<<ID` ... `ID`): skipped whole. `false` when `<<<` starts none.
    fn heredoc(&mut self) -> Result<bool, Broken> {
        let rest = &self.src[self.at + 3..];
        let opening = rest
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let quoted = rest.get(opening).filter(|&&b| b == b'\'' || b == b'"');
        let name_start = opening + usize::from(quoted.is_some());
        let name_len = rest[name_start..]
            .iter()
            .take_while(|&&b| is_word_byte(b))
            .count();
        if name_len == 0 {
            return Ok(false);
        }
        let name = rest[name_start..name_start + name_len].to_vec();
        let broken = Broken {
            line: self.line,
            problem: crate::en!("a heredoc string starts here and is never closed"),
        };
        self.skip_past(b"\n");
        loop {
            if self.at >= self.src.len() {
                return Err(broken);
            }
            let line = &self.src[self.at..];
            let indent = line
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            let after = &line[indent..];
            if after.starts_with(&name) && !after.get(name.len()).copied().is_some_and(is_word_byte)
            {
                self.advance(indent + name.len());
                return Ok(true);
            }
            self.skip_past(b"\n");
        }
    }
}
