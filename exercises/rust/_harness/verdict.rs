//! What a hidden test returns: a verdict with a status, a reason from the GradeResult contract
//! and, optionally, the expected and actual values.

pub(in crate::interleave) enum Clock {
    Virtual,
    Real,
}

pub(in crate::interleave) struct Test {
    pub(in crate::interleave) name: &'static str,
    pub(in crate::interleave) clock: Clock,
    pub(in crate::interleave) run: fn(&mut super::Ctx) -> Verdict,
}

pub(in crate::interleave) struct Verdict {
    pub(super) status: &'static str,
    pub(super) reason: Option<&'static str>,
    pub(super) message: String,
    pub(super) expected: Option<String>,
    pub(super) actual: Option<String>,
}

pub(in crate::interleave) fn pass(message: impl Into<String>) -> Verdict {
    Verdict { status: "pass", reason: None, message: message.into(), expected: None, actual: None }
}

/// A verdict with a reason from the GradeResult contract; its status follows the reason.
pub(in crate::interleave) fn fail(reason: &'static str, message: impl Into<String>) -> Verdict {
    let status = match reason {
        "compile_error" | "timeout" | "memory_limit" | "output_limit" | "resource_limit" | "runtime_error" | "sandbox_violation" | "internal" => "error",
        _ => "fail",
    };
    Verdict { status, reason: Some(reason), message: message.into(), expected: None, actual: None }
}

impl Verdict {
    pub(in crate::interleave) fn values(mut self, expected: impl std::fmt::Debug, actual: impl std::fmt::Debug) -> Verdict {
        self.expected = Some(format!("{:?}", expected));
        self.actual = Some(format!("{:?}", actual));
        self
    }
}
