//! Work the window asked for on tokio and waits for (a DNS check, an inbox check): which run is
//! the current one, whether it runs, and its answer or why there is none.

/// One kind of background check and its last answer.
#[derive(Debug)]
pub struct Background<R> {
    /// Which run the answer belongs to (answers of older runs are ignored).
    pub run: u64,
    /// A run is going on.
    pub running: bool,
    /// The last answer.
    pub report: Option<R>,
    /// Why the last run could not answer, in words.
    pub error: Option<String>,
}

impl<R> Default for Background<R> {
    fn default() -> Self {
        Self {
            run: 0,
            running: false,
            report: None,
            error: None,
        }
    }
}

impl<R> Background<R> {
    /// Forgets the last answer; a run still going on becomes an old one.
    pub fn clear(&mut self) {
        self.run += 1;
        self.running = false;
        self.report = None;
        self.error = None;
    }

    /// Starts a new run and returns its number.
    pub fn start(&mut self) -> u64 {
        self.clear();
        self.running = true;
        self.run
    }

    /// Takes in the answer of run `run`.
    pub fn on_finished(&mut self, run: u64, result: Result<R, String>) {
        if run != self.run {
            return;
        }
        self.running = false;
        match result {
            Ok(report) => self.report = Some(report),
            Err(error) => self.error = Some(error),
        }
    }
}
