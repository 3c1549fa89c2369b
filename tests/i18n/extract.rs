//! The English catalogue as the sources say it: every `en!` and `tr!` text in `src/`, turned
//! into Fluent messages whose ids come from their words.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};

/// One text a macro marks.
pub struct Found {
    /// Where it is (for the comment above its group).
    pub file: String,
    /// The Rust literal's value.
    pub text: String,
    /// Whether it is a `format!` template (the macro has arguments).
    pub template: bool,
}

/// Every marked text in `src/`, in file order.
pub fn found_in(root: &Path) -> Vec<Found> {
    let mut files: Vec<PathBuf> = walk(&root.join("src"));
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let Ok(tokens) = TokenStream::from_str(&text) else {
            panic!("{} does not tokenize", file.display());
        };
        let name = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        scan(tokens, &name, &mut found);
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

fn scan(tokens: TokenStream, file: &str, found: &mut Vec<Found>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (at, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            if let (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(bang))) =
                (at.checked_sub(2).map(|i| &tokens[i]), at.checked_sub(1).map(|i| &tokens[i]))
                && bang.as_char() == '!'
                && (name == "en" || name == "tr")
            {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                if let Some(TokenTree::Literal(literal)) = inner.first()
                    && let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string())
                {
                    let template = inner.len() > 2;
                    found.push(Found { file: file.to_owned(), text: text.value(), template });
                }
            }
            scan(group.stream(), file, found);
        }
    }
}

/// The Fluent text of `found`, or why it cannot be one.
pub fn fluent_value(found: &Found) -> Result<String, String> {
    let text = &found.text;
    if text.trim() != text {
        return Err(format!("{:?} starts or ends with a space (Fluent drops it)", text));
    }
    if text.is_empty() {
        return Err("an empty text".to_owned());
    }
    let mut value = String::new();
    let mut chars = text.chars().peekable();
    let mut has_literal = false;
    while let Some(c) = chars.next() {
        match c {
            '{' if found.template && chars.peek() == Some(&'{') => {
                chars.next();
                value.push_str("{\"{\"}");
            }
            '}' if found.template && chars.peek() == Some(&'}') => {
                chars.next();
                value.push_str("{\"}\"}");
            }
            '{' if found.template => {
                let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(format!("{text:?}: use named arguments only, not {{{name}}}"));
                }
                write!(value, "{{ ${name} }}").ok();
            }
            '{' => value.push_str("{\"{\"}"),
            '}' => value.push_str("{\"}\"}"),
            _ => {
                has_literal |= !c.is_whitespace();
                value.push(c);
            }
        }
    }
    if !has_literal {
        return Err(format!("{text:?} has no words of its own"));
    }
    if !value.contains('\n') {
        return Ok(value);
    }
    // A block: every line indented; a line starting with `[`, `*` or `.` would be syntax.
    let mut block = String::new();
    for line in value.split('\n') {
        block.push_str("\n    ");
        match line.chars().next() {
            Some(c @ ('[' | '*' | '.')) => {
                write!(block, "{{\"{c}\"}}{}", &line[1..]).ok();
            }
            _ => block.push_str(line),
        }
    }
    Ok(block)
}

/// The id of a text: its first words and a hash of the whole.
pub fn id_of(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(5)
        .map(str::to_ascii_lowercase)
        .collect();
    let mut slug = words.join("-");
    slug.truncate(40);
    let slug = slug.trim_end_matches('-');
    if slug.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("{slug}-{hash:08x}")
    } else {
        format!("t-{slug}-{hash:08x}").replace("--", "-")
    }
}

/// `en.ftl` as the sources say it, and the problems found on the way.
pub fn english_catalogue(root: &Path) -> (String, Vec<String>) {
    let mut out = String::from(
        "# English: the source of every other language. Generated from the `en!` and `tr!`\n\
         # texts in src/ by `UPDATE_CATALOGUE=1 cargo test --test i18n`: do not edit by hand.\n\
         # A message's id is its first words and a hash of its text, so a changed text is a new\n\
         # message. `{ $name }` is a value the program fills in; keep it, and keep words in\n\
         # backticks, attribute names and protocol words (SMTP, STARTTLS) as they are.\n",
    );
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut group = String::new();
    for found in found_in(root) {
        let value = match fluent_value(&found) {
            Ok(value) => value,
            Err(problem) => {
                problems.push(format!("{}: {problem}", found.file));
                continue;
            }
        };
        let key = (found.text.clone(), found.template);
        if !seen.insert(key) {
            continue;
        }
        if group != found.file {
            group.clone_from(&found.file);
            write!(out, "\n## {group}\n\n").ok();
        }
        let separator = if value.starts_with('\n') { " =" } else { " = " };
        writeln!(out, "{}{separator}{value}", id_of(&found.text)).ok();
    }
    (out, problems)
}
