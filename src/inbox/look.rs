//! Signing in, finding the folders, and looking for the message until it is there or the wait
//! runs out: the inbox and the Junk folders on every round, every other folder once at the end.

use std::time::{Duration, Instant};

use async_imap::types::{Name, NameAttribute};
use futures_util::TryStreamExt as _;

use super::connect::{ImapStream, Link};
use super::model::Placement;
use super::request::InboxError;
use crate::untrusted::displayable_str;

/// Special uses whose folders never hold an arrived message but may hold a copy of the sent
/// one (Gmail files what it sends through its SMTP server in Sent Mail, and All Mail shows it).
const NOT_ARRIVALS: &[NameAttribute<'static>] = &[
    NameAttribute::Sent,
    NameAttribute::Drafts,
    NameAttribute::All,
    NameAttribute::Flagged,
];
/// At most this many other folders are searched at the end.
const MAX_OTHER_FOLDERS: usize = 50;
/// The longest pause between two looks.
const MAX_PAUSE: Duration = Duration::from_secs(5);

type Session = async_imap::Session<ImapStream>;

/// A folder to search.
#[derive(Debug, Clone)]
pub struct Folder {
    /// The name as the server spells it (used in commands).
    pub name: String,
    /// What kind of folder it is.
    pub placement: Placement,
}

/// The message as found.
pub struct Found {
    /// Where.
    pub folder: Folder,
    /// The whole message as the mailbox holds it.
    pub raw: Vec<u8>,
    /// From the server accepting it to our finding it.
    pub after: Duration,
}

/// What a look found, and where it looked.
pub struct Looked {
    /// The message, if found.
    pub found: Option<Found>,
    /// Every folder searched, as shown to the user.
    pub searched: Vec<String>,
}

/// Signs in and looks for the message.
pub async fn look(link: &Link<'_>) -> Result<Looked, InboxError> {
    let request = link.request;
    let client = link.open().await?;
    let mut session = link
        .step(
            crate::en!("the sign-in"),
            client.login(&request.mailbox.user, request.password.expose()),
        )
        .await?
        .map_err(|(err, _)| match err {
            // The server's own words, as the transcript shows them (async-imap's are its
            // parser's rendering of them).
            async_imap::error::Error::No(_) | async_imap::error::Error::Bad(_) => {
                InboxError::SignIn {
                    user: displayable_str(&request.mailbox.user),
                    said: link
                        .log
                        .last_server_line()
                        .map(|line| without_tag(&line))
                        .unwrap_or_default(),
                }
            }
            other => link.broken(&other),
        })?;
    let folders = folders(link, &mut session).await?;
    let (watched, mut others): (Vec<_>, Vec<_>) = folders
        .into_iter()
        .partition(|f| f.placement != Placement::Other);
    others.truncate(MAX_OTHER_FOLDERS);
    let searched = watched
        .iter()
        .chain(&others)
        .map(|f| displayable_str(&super::folder_name::decoded(&f.name)))
        .collect();
    let query = format!("HEADER Message-ID {}", quoted(&request.message_id));
    let deadline = Instant::now() + request.wait;
    let mut pause = request.poll_every;
    let mut found = None;
    'rounds: loop {
        for folder in &watched {
            if let Some(hit) = search(link, &mut session, folder, &query).await? {
                found = Some(hit);
                break 'rounds;
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let pause_now = pause.min(left);
        link.log.info(&format!(
            "Not there yet; looking again in {:.1} s",
            pause_now.as_secs_f64()
        ));
        // The poll interval of a product feature, bounded by the user's stop.
        link.step("nothing", async {
            tokio::time::sleep(pause_now).await;
        })
        .await
        .or_else(|err| match err {
            InboxError::Timeout { .. } => Ok(()),
            other => Err(other),
        })?;
        pause = (pause.mul_f64(1.5)).min(MAX_PAUSE);
    }
    if found.is_none() {
        for folder in &others {
            if let Some(hit) = search(link, &mut session, folder, &query).await? {
                found = Some(hit);
                break;
            }
        }
    }
    let _ = link.step(crate::en!("the goodbye"), session.logout()).await;
    Ok(Looked { found, searched })
}

/// The selectable folders, the inbox first, then Junk, then the rest.
async fn folders(link: &Link<'_>, session: &mut Session) -> Result<Vec<Folder>, InboxError> {
    let names: Vec<Name> = link
        .step(crate::en!("the folder list"), async {
            session.list(Some(""), Some("*")).await?.try_collect().await
        })
        .await?
        .map_err(|err: async_imap::error::Error| link.broken(&err))?;
    let mut folders: Vec<Folder> = names
        .iter()
        .filter(|name| {
            let attributes = name.attributes();
            !attributes.contains(&NameAttribute::NoSelect)
                && !NOT_ARRIVALS.iter().any(|a| attributes.contains(a))
        })
        .map(|name| Folder {
            name: name.name().to_owned(),
            placement: placement(name),
        })
        .collect();
    if !folders.iter().any(|f| f.placement == Placement::Inbox) {
        folders.push(Folder {
            name: "INBOX".to_owned(),
            placement: Placement::Inbox,
        });
    }
    folders.sort_by_key(|f| match f.placement {
        Placement::Inbox => 0,
        Placement::Junk => 1,
        Placement::Other => 2,
    });
    Ok(folders)
}

fn placement(name: &Name) -> Placement {
    if name.name().eq_ignore_ascii_case("INBOX") {
        return Placement::Inbox;
    }
    if name.attributes().contains(&NameAttribute::Junk) {
        return Placement::Junk;
    }
    let last = match name.delimiter() {
        Some(delimiter) if !delimiter.is_empty() => {
            name.name().rsplit(delimiter).next().unwrap_or_default()
        }
        _ => name.name(),
    };
    if super::folder_name::means_junk(&super::folder_name::decoded(last)) {
        Placement::Junk
    } else {
        Placement::Other
    }
}

/// The message in `folder`, if it is there.
async fn search(
    link: &Link<'_>,
    session: &mut Session,
    folder: &Folder,
    query: &str,
) -> Result<Option<Found>, InboxError> {
    let uids = link
        .step(crate::en!("a search"), async {
            session.examine(&folder.name).await?;
            session.uid_search(query).await
        })
        .await?;
    let uids = match uids {
        Ok(uids) => uids,
        // A folder that cannot be opened (shared, gone meanwhile) is passed over.
        Err(async_imap::error::Error::No(_)) => return Ok(None),
        Err(err) => return Err(link.broken(&err)),
    };
    let Some(uid) = uids.into_iter().min() else {
        return Ok(None);
    };
    let after = link.request.sent_at.elapsed();
    let raw = link
        .step(crate::en!("the message"), async {
            let fetches: Vec<_> = session
                .uid_fetch(uid.to_string(), "BODY.PEEK[]")
                .await?
                .try_collect()
                .await?;
            Ok::<_, async_imap::error::Error>(
                fetches
                    .iter()
                    .find_map(|f| f.body().map(<[u8]>::to_vec))
                    .unwrap_or_default(),
            )
        })
        .await?
        .map_err(|err| link.broken(&err))?;
    Ok(Some(Found {
        folder: folder.clone(),
        raw,
        after,
    }))
}

/// A tagged reply without its tag: `A1 NO [AUTHENTICATIONFAILED] …` → `NO [AUTHENTICATIONFAILED] …`.
fn without_tag(line: &str) -> String {
    line.split_once(' ')
        .map_or(line, |(_, rest)| rest)
        .to_owned()
}

/// `text` as an IMAP quoted string.
fn quoted(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    format!("\"{}\"", clean.replace('\\', "\\\\").replace('"', "\\\""))
}
