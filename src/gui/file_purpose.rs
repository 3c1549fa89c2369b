//! Why a file dialog was opened.

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// The extra CA certificate file.
    CaFile,
    /// Saving the transcript.
    SaveTranscript,
    /// Saving the snippet.
    SaveSnippet,
    /// Saving the support report.
    SaveReport,
    /// Opening a web.config to import.
    OpenWebConfig,
    /// Choosing the web.config to update.
    UpdateWebConfig,
}

impl FilePurpose {
    /// Whether the dialog saves (as opposed to opening an existing file).
    pub fn saves(self) -> bool {
        matches!(
            self,
            Self::SaveTranscript | Self::SaveSnippet | Self::SaveReport
        )
    }
}
