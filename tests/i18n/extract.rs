//! The English catalogue as the sources say it: every `en!` and `tr!` text in `src/`, turned
//! into Fluent messages whose ids come from their words.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};

/// One text a macro marks.
#[derive(Clone)]
pub struct Found {
    /// Where it is (for the comment above its group).
    pub file: String,
    /// The Rust literal's value.
    pub text: String,
    /// Whether it is a `format!` template (the macro has arguments, or it is an error's).
    pub template: bool,
    /// Whether it is a `#[error("…")]` text (`{0}` and `{name:?}` allowed).
    pub error: bool,
}

/// Every marked text in `src/`, in file order.
pub fn found_in(root: &Path) -> Vec<Found> {
    let mut files: Vec<PathBuf> = walk(&root.join("src"));
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(tokens) = TokenStream::from_str(&text) else {
            panic!("{} does not tokenize", file.display());
        };
        let name = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        scan(tokens, &name, false, &mut found);
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
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

fn scan(tokens: TokenStream, file: &str, in_attribute: bool, found: &mut Vec<Found>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (at, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            if in_attribute
                && at == 1
                && let TokenTree::Ident(name) = &tokens[0]
                && name == "error"
                && let Some(TokenTree::Literal(literal)) = group.stream().into_iter().next()
                && let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string())
            {
                found.push(Found {
                    file: file.to_owned(),
                    text: text.value(),
                    template: true,
                    error: true,
                });
            }
            if let (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(bang))) = (
                at.checked_sub(2).map(|i| &tokens[i]),
                at.checked_sub(1).map(|i| &tokens[i]),
            ) && bang.as_char() == '!'
                && (name == "en" || name == "tr")
            {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                if let Some(TokenTree::Literal(literal)) = inner.first()
                    && let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string())
                {
                    let template = inner.len() > 2;
                    found.push(Found {
                        file: file.to_owned(),
                        text: text.value(),
                        template,
                        error: false,
                    });
                }
            }
            let attribute = group.delimiter() == proc_macro2::Delimiter::Bracket
                && at.checked_sub(1).is_some_and(
                    |i| matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == '#'),
                );
            scan(group.stream(), file, attribute, found);
        }
    }
}

/// The Fluent text of `found`, or why it cannot be one.
pub fn fluent_value(found: &Found) -> Result<String, String> {
    let text = &found.text;
    if text.trim() != text {
        return Err(format!(
            "{text:?} starts or ends with a space (Fluent drops it)"
        ));
    }
    if text.is_empty() {
        return Err("an empty text".to_owned());
    }
    let mut value = String::new();
    let mut chars = text.chars().peekable();
    let mut has_literal = false;
    let mut position = 0;
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
                let mut name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                if found.error {
                    // thiserror: `{0}` and `{name:?}`; the variable is only a name here.
                    name = name.split(':').next().unwrap_or_default().to_owned();
                    if name.is_empty() {
                        name = position.to_string();
                        position += 1;
                    }
                    if name.starts_with(|c: char| c.is_ascii_digit()) {
                        name = format!("arg{name}");
                    }
                }
                if name.is_empty()
                    || name.starts_with(|c: char| c.is_ascii_digit())
                    || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    return Err(format!(
                        "{text:?}: use named arguments only, not {{{name}}}"
                    ));
                }
                write!(value, "{{ ${name} }}").ok();
            }
            '{' => value.push_str("{\"{\"}"),
            '}' => value.push_str("{\"}\"}"),
            _ => {
                has_literal |= c.is_alphabetic();
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
    let mut variants = Vec::new();
    for found in found_in(root) {
        let value = match fluent_value(&found) {
            Ok(value) => value,
            // `#[error("{0}")]` passes another error's words on.
            Err(problem) if found.error && problem.contains("no words") => continue,
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
        // Only a diagnosis is reworded for a site's framework or a pasted log (with the
        // provider advice it carries).
        if !found.error
            && (found.file.starts_with("src/diagnosis/")
                || found.file.starts_with("src/providers/"))
        {
            variants.push(found);
        }
    }
    // `--help`: the doc comments clap turned into help, and clap's own texts, line by line.
    let mut header = false;
    for text in mail_settings_tester::cli::help::english_texts() {
        for line in mail_settings_tester::cli::help::lines_to_translate(&text) {
            let found = Found {
                file: "mailtester --help".to_owned(),
                text: line.to_owned(),
                template: false,
                error: false,
            };
            let value = match fluent_value(&found) {
                Ok(value) => value,
                Err(problem) if problem.contains("no words") => continue,
                Err(problem) => {
                    problems.push(format!("--help: {problem}"));
                    continue;
                }
            };
            if !seen.insert((found.text.clone(), false)) {
                continue;
            }
            if !header {
                header = true;
                out.push_str(
                    "\n## mailtester --help: the doc comments clap shows, and clap's own texts\n\n",
                );
            }
            writeln!(out, "{} = {value}", id_of(&found.text)).ok();
        }
    }
    // The diagnosis texts as ASP.NET 2.0–3.5 and ASP.NET Core sites read them.
    let mut header = false;
    for found in variants {
        for text in mail_settings_tester::diagnosis::text_variants(&found.text) {
            let variant = Found {
                text,
                ..found.clone()
            };
            let Ok(value) = fluent_value(&variant) else {
                continue;
            };
            if !seen.insert((variant.text.clone(), variant.template)) {
                continue;
            }
            if !header {
                header = true;
                out.push_str("\n## The same texts as a pasted log, PHPMailer, ASP.NET 2.0–3.5 and ASP.NET Core read them\n\n");
            }
            let separator = if value.starts_with('\n') { " =" } else { " = " };
            writeln!(out, "{}{separator}{value}", id_of(&variant.text)).ok();
        }
    }
    (out, problems)
}
