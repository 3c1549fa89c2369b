//! What a STARTTLS or SSL-on-connect row did, in words: each sentence is written out for both
//! ways of encrypting, because a sentence is translated whole.

/// How a row encrypts: SSL on connect or STARTTLS, on which port.
#[derive(Debug, Clone, Copy)]
pub(super) struct Encrypted {
    /// SSL on connect (else STARTTLS).
    pub implicit: bool,
    /// The port.
    pub port: u16,
}

impl Encrypted {
    /// The connection or the handshake failed.
    pub fn failed(self, problem: &str) -> String {
        let port = self.port;
        if self.implicit {
            crate::en!(
                "SSL on connect on port {port} failed: {problem}",
                port = port,
                problem = problem
            )
        } else {
            crate::en!(
                "STARTTLS on port {port} failed: {problem}",
                port = port,
                problem = problem
            )
        }
    }

    /// It works, but the certificate is not valid (`what` says why).
    pub fn works_but(self, what: &str) -> String {
        let port = self.port;
        if self.implicit {
            crate::en!(
                "SSL on connect on port {port} works, but {what}.",
                port = port,
                what = what
            )
        } else {
            crate::en!(
                "STARTTLS on port {port} works, but {what}.",
                port = port,
                what = what
            )
        }
    }

    /// It works, and offers no sign-in.
    pub fn no_sign_in(self, certificate: &str) -> String {
        let port = self.port;
        if self.implicit {
            crate::en!(
                "SSL on connect on port {port} works ({certificate}), but no sign-in is offered: \
                 only a relay that knows your server's address would take mail.",
                port = port,
                certificate = certificate
            )
        } else {
            crate::en!(
                "STARTTLS on port {port} works ({certificate}), but no sign-in is offered: only a \
                 relay that knows your server's address would take mail.",
                port = port,
                certificate = certificate
            )
        }
    }

    /// It works, but without the LOGIN sign-in ASP.NET needs.
    pub fn no_login(self, offered: &str) -> String {
        let port = self.port;
        if self.implicit {
            crate::en!(
                "SSL on connect on port {port} works, but it signs in only with {offered}, and \
                 ASP.NET signs in with LOGIN.",
                port = port,
                offered = offered
            )
        } else {
            crate::en!(
                "STARTTLS on port {port} works, but it signs in only with {offered}, and ASP.NET \
                 signs in with LOGIN.",
                port = port,
                offered = offered
            )
        }
    }

    /// It works, with a sign-in after encryption.
    pub fn usable(self, offered: &str, certificate: &str) -> String {
        let port = self.port;
        if self.implicit {
            crate::en!(
                "SSL on connect on port {port} with sign-in ({offered}) after encryption, \
                 {certificate}.",
                port = port,
                offered = offered,
                certificate = certificate
            )
        } else {
            crate::en!(
                "STARTTLS on port {port} with sign-in ({offered}) after encryption, {certificate}.",
                port = port,
                offered = offered,
                certificate = certificate
            )
        }
    }
}
