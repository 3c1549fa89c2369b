//! Small rules of English shared by every face, so each is written once.

/// `1 site`, `2 sites`, `0 sites`: a count with its noun (regular plurals only).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "server name"), "1 server name");
        assert_eq!(count(0, "site"), "0 sites");
        assert_eq!(count(2, "mail server"), "2 mail servers");
    }
}
