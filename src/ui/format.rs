//! Numbers as the interface shows them: the domain's formats ([`crate::domain::format`]), which
//! the documents print too.

pub use crate::domain::format::{days, money};
