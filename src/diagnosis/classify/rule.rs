//! One row of the classification table: the reply's words, enhanced codes, basic codes and
//! steps that must hold for it to give its id.

use super::Facts;
use crate::diagnosis::DiagnosisId;
use crate::event::Step;

/// Which reply codes a rule accepts.
#[derive(Debug, Clone, Copy)]
pub(super) enum Codes {
    /// Any code.
    Any,
    /// `4` for 4xx, `5` for 5xx.
    Class(u16),
    /// Exactly these codes.
    List(&'static [u16]),
}

/// One row of the table. Every condition that is set must hold; within a condition, any of the
/// listed values is enough.
#[derive(Debug)]
pub(super) struct Rule {
    /// The id the reply gets when the rule matches.
    pub(super) id: DiagnosisId,
    /// Lower-case phrases, any of which must appear in the reply.
    words: &'static [&'static str],
    /// Enhanced codes (`5.7.8`), or classes of them when ending in a dot (`5.6.`).
    enhanced: &'static [&'static str],
    /// The basic reply codes.
    codes: Codes,
    /// The steps the rule applies to; empty means any (and pasted text, which has no step).
    steps: &'static [Step],
}

impl Rule {
    /// A rule on the reply's words.
    pub(super) const fn says(id: DiagnosisId, words: &'static [&'static str]) -> Self {
        Self {
            id,
            words,
            enhanced: &[],
            codes: Codes::Any,
            steps: &[],
        }
    }

    /// A rule on enhanced codes (`5.7.8`, or a class such as `5.6.`).
    pub(super) const fn coded(id: DiagnosisId, enhanced: &'static [&'static str]) -> Self {
        Self {
            id,
            words: &[],
            enhanced,
            codes: Codes::Any,
            steps: &[],
        }
    }

    /// A fallback on the basic code (usually narrowed to a step).
    pub(super) const fn replied(id: DiagnosisId, codes: Codes) -> Self {
        Self {
            id,
            words: &[],
            enhanced: &[],
            codes,
            steps: &[],
        }
    }

    /// Narrows the rule to replies at these steps.
    pub(super) const fn at(self, steps: &'static [Step]) -> Self {
        Self { steps, ..self }
    }

    /// Narrows the rule to these basic codes.
    pub(super) const fn with_codes(self, codes: Codes) -> Self {
        Self { codes, ..self }
    }

    /// Narrows the rule to these enhanced codes.
    pub(super) const fn with_enhanced(self, enhanced: &'static [&'static str]) -> Self {
        Self { enhanced, ..self }
    }

    /// Whether every condition the rule sets holds for this reply at `step`.
    pub(super) fn matches(&self, step: Option<Step>, facts: &Facts) -> bool {
        let words = self.words.is_empty() || self.words.iter().any(|w| facts.text.contains(w));
        let enhanced = self.enhanced.is_empty()
            || facts.enhanced.as_deref().is_some_and(|code| {
                self.enhanced.iter().any(|want| {
                    if want.ends_with('.') {
                        code.starts_with(want)
                    } else {
                        code == *want
                    }
                })
            });
        let codes = match self.codes {
            Codes::Any => true,
            Codes::Class(class) => facts.code / 100 == class,
            Codes::List(list) => list.contains(&facts.code),
        };
        let steps = self.steps.is_empty() || step.is_some_and(|s| self.steps.contains(&s));
        words && enhanced && codes && steps
    }
}
