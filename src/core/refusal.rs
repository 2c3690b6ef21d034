//! Why a file is not opened at all, before any reading: too large, or (for `?doc=`) an address
//! this app does not fetch. Typed so that the UI words it in the language shown
//! (`ui::words::reading`); `Display` is the English.

use super::import::readers::MAX_INPUT_BYTES;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputRefusal {
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge { name: String, bytes: u64 },
    /// A `?doc=` address that is not a file served beside the app.
    Address { url: String, why: AddressProblem },
}

/// What is wrong with a `?doc=` address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressProblem {
    Empty,
    BackslashOrControl,
    OtherHost,
    Absolute {
        scheme: String,
    },
    /// Resolved against the page, it lands on another origin.
    OtherOrigin {
        origin: String,
    },
}

impl fmt::Display for AddressProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddressProblem::Empty => f.write_str("the address is empty"),
            AddressProblem::BackslashOrControl => {
                f.write_str("the address holds a backslash or a control character")
            }
            AddressProblem::OtherHost => f.write_str("it names another host"),
            AddressProblem::Absolute { scheme } => write!(f, "it is an absolute address ({scheme}:)"),
            AddressProblem::OtherOrigin { origin } => write!(f, "it is on another origin ({origin})"),
        }
    }
}

impl fmt::Display for InputRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputRefusal::TooLarge { name, bytes } => write!(
                f,
                "{name} is {:.1} MB; files over {} MB are not opened (split it, or import it as a zip of smaller files)",
                *bytes as f64 / 1_048_576.0,
                MAX_INPUT_BYTES >> 20
            ),
            InputRefusal::Address { url, why } => write!(
                f,
                "?doc={url} was not opened: {why}; only files served beside the app can be opened this way"
            ),
        }
    }
}

impl std::error::Error for InputRefusal {}
