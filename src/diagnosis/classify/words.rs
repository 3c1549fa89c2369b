//! The table's longer word lists, kept apart so that the table reads as a list of rules; the
//! rate and "later" words serve several rules, at different places in the order.

/// This computer refused as a sender: blocklists, reverse DNS, its HELO name.
pub(super) const HOST_REFUSED_WORDS: &[&str] = &[
    "blocked using",
    "block list",
    "blocklist",
    "blacklist",
    "poor reputation",
    "client host rejected",
    "helo command rejected",
    "invalid domain name",
    "reverse hostname",
];

/// "Come again later", which greylisting says with 450/451 4.7.1 or 4.2.0, and busy servers
/// with other codes.
pub(super) const LATER_WORDS: &[&str] = &["try again later", "come back later", "retry in"];

/// Allowances: per day, per month, credits, submission quotas.
pub(super) const QUOTA_WORDS: &[&str] = &[
    "daily user sending limit",
    "daily smtp relay limit",
    "daily sending limit",
    "daily sending quota",
    "daily recipient limit",
    "sending quota exceeded",
    "submissionquotaexceeded",
    "maximum credits exceeded",
    "monthly quota",
    "max emails per hour",
    "exceeded its quota",
];

/// Sending too fast: short rate limits and throttling.
pub(super) const RATE_WORDS: &[&str] = &[
    "too many",
    "unusual rate",
    "receiving mail at a rate",
    "unexpected volume",
    "too much mail",
    "rate limit",
    "ratelimit",
    "rate-limit",
    "rate exceeded",
    "sending rate",
    "throttl",
    "sending limit",
    "sending quota",
    "message quota",
    "limit exceeded",
    "server busy",
    "too fast",
];
