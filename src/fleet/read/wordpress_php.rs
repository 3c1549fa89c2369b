//! Just enough PHP to find a file's constants: the tokens (`wordpress_lexer.rs`: comments,
//! quoted strings with their escapes, heredocs, `?>` ... `<?php` breaks skipped), and a scan
//! of them for `define('NAME', value)` and `const NAME = value;`. A value is kept only when it is a plain
//! literal (a string, a whole number, `true`, `false`, `null`); anything else is [`Value::Code`].

use self::lexer::{Kind, Token, tokenize};

#[path = "wordpress_lexer.rs"]
mod lexer;

/// A constant's value as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    /// A quoted string without variables in it.
    Text(String),
    /// `true` or `false` (any letter case).
    Bool(bool),
    /// A whole decimal number.
    Int(i64),
    /// `null`.
    Null,
    /// Anything computed: a function call, a variable, a concatenation, another constant.
    Code,
}

impl Value {
    /// PHP's `(bool)`: `''`, `'0'`, `0`, `false` and `null` are false.
    pub(super) fn is_truthy(&self) -> bool {
        match self {
            Self::Text(text) => !(text.is_empty() || text == "0"),
            Self::Bool(flag) => *flag,
            Self::Int(number) => *number != 0,
            Self::Null | Self::Code => false,
        }
    }

    /// PHP's `(string)`: `true` is `'1'`, `false` and `null` are `''`.
    pub(super) fn to_php_string(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Bool(true) => "1".to_owned(),
            Self::Int(number) => number.to_string(),
            Self::Bool(false) | Self::Null | Self::Code => String::new(),
        }
    }
}

/// One constant definition and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Define {
    /// The constant's name as written.
    pub name: String,
    /// Its value.
    pub value: Value,
    /// The line of `define` or `const` (from 1).
    pub line: usize,
}

/// Where the PHP is broken, never quoting it (a string may hold a password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Broken {
    /// The line (from 1).
    pub line: usize,
    /// What is wrong, in plain words.
    pub problem: &'static str,
}

/// Every constant definition outside comments, in file order.
pub(super) fn defines(text: &str) -> Result<Vec<Define>, Broken> {
    let tokens = tokenize(text)?;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        let Kind::Word(word) = &token.kind else {
            at += 1;
            continue;
        };
        let is_call = at == 0 || !matches!(tokens[at - 1].kind, Kind::Punct('>' | ':'));
        let unclosed = Broken {
            line: token.line,
            problem: crate::en!("a constant's definition here is never closed"),
        };
        if word.eq_ignore_ascii_case("define") && is_call && is_punct(tokens.get(at + 1), '(') {
            let (parts, end) = split(&tokens, at + 2, ')').ok_or(unclosed)?;
            if let [name, value, ..] = parts.as_slice()
                && let [
                    Token {
                        kind: Kind::Text(Some(name)),
                        ..
                    },
                ] = name
            {
                found.push(Define {
                    name: name.clone(),
                    value: value_of(value),
                    line: token.line,
                });
            }
            at = end;
        } else if word.eq_ignore_ascii_case("const") {
            let (parts, end) = split(&tokens, at + 1, ';').ok_or(unclosed)?;
            for part in parts {
                if let [name, equals, value @ ..] = part
                    && let Kind::Word(name) = &name.kind
                    && is_punct(Some(equals), '=')
                {
                    found.push(Define {
                        name: name.clone(),
                        value: value_of(value),
                        line: token.line,
                    });
                }
            }
            at = end;
        } else {
            at += 1;
        }
    }
    Ok(found)
}

/// The value of an argument's tokens: a literal, or [`Value::Code`].
fn value_of(tokens: &[Token]) -> Value {
    let [token] = tokens else {
        return Value::Code;
    };
    match &token.kind {
        Kind::Text(Some(text)) => Value::Text(text.clone()),
        Kind::Number(Some(number)) => Value::Int(*number),
        Kind::Word(word) if word.eq_ignore_ascii_case("true") => Value::Bool(true),
        Kind::Word(word) if word.eq_ignore_ascii_case("false") => Value::Bool(false),
        Kind::Word(word) if word.eq_ignore_ascii_case("null") => Value::Null,
        _ => Value::Code,
    }
}

/// The comma-separated parts from `start` up to the `close` at bracket depth 0, and the index
/// after it; `None` when the file ends first.
fn split(tokens: &[Token], start: usize, close: char) -> Option<(Vec<&[Token]>, usize)> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = start;
    for (at, token) in tokens.iter().enumerate().skip(start) {
        match token.kind {
            Kind::Punct(c) if c == close && depth == 0 => {
                parts.push(&tokens[from..at]);
                return Some((parts, at + 1));
            }
            Kind::Punct(',') if depth == 0 => {
                parts.push(&tokens[from..at]);
                from = at + 1;
            }
            Kind::Punct('(' | '[' | '{') => depth += 1,
            Kind::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn is_punct(token: Option<&Token>, c: char) -> bool {
    token.is_some_and(|token| token.kind == Kind::Punct(c))
}
