//! Languages and localized text.
//!
//! Every human-readable string of a lens is either a plain string (the AWS custom lens format,
//! which has one language) or an object with one entry per language (`{"en": …, "zh-CN": …}`,
//! our extension). [`Text`] holds both shapes behind one lookup that falls back to the other
//! language, so an AWS lens displays in Chinese mode too, in its own language.

use std::fmt;

/// A language the product speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as used in lens files, storage and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Parses a stored or configured tag. Accepts the region-less `zh` and any `zh-*`
    /// (a browser's `zh-Hans-CN`) as Simplified Chinese, and any `en-*` as English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else if lower == "zh" || lower.starts_with("zh-") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    /// The other language (for the EN / 中文 switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A string in one or both languages. Never empty: the lens parser refuses empty text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// One string for every language (an AWS lens).
    Plain(String),
    /// Per-language strings; at least one is present.
    Localized {
        /// English.
        en: Option<String>,
        /// Simplified Chinese.
        zh_cn: Option<String>,
    },
}

impl Text {
    /// The text in `lang`, or in the other language when this one is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized { en, zh_cn } => {
                let (first, second) = match lang {
                    Lang::En => (en, zh_cn),
                    Lang::ZhCn => (zh_cn, en),
                };
                first.as_deref().or(second.as_deref()).unwrap_or("")
            }
        }
    }

    /// Whether the text exists in `lang` itself (not through the fallback).
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localized { en, zh_cn } => match lang {
                Lang::En => en.is_some(),
                Lang::ZhCn => zh_cn.is_some(),
            },
        }
    }

    /// As JSON, the way files write it: a string, or an object by language tag.
    pub fn to_value(&self) -> serde_json::Value {
        match self {
            Text::Plain(s) => s.as_str().into(),
            Text::Localized { en, zh_cn } => {
                let mut m = serde_json::Map::new();
                if let Some(s) = en {
                    m.insert("en".into(), s.as_str().into());
                }
                if let Some(s) = zh_cn {
                    m.insert("zh-CN".into(), s.as_str().into());
                }
                serde_json::Value::Object(m)
            }
        }
    }

    /// A text with both languages (used for built-in labels).
    pub fn both(en: &str, zh_cn: &str) -> Text {
        Text::Localized {
            en: Some(en.to_owned()),
            zh_cn: Some(zh_cn.to_owned()),
        }
    }
}

/// A file-name-safe slug of user text (letters of any script kept), at most 40 characters.
pub fn file_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Text for an XML document (Word, Microsoft Project): `&`, `<`, `>` and quotes escaped, and
/// the characters XML 1.0 cannot hold dropped, so that hostile text from a bundle stays text and
/// the file stays well-formed.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_falls_back_to_the_other_language() {
        let only_en = Text::Localized {
            en: Some("Backups".into()),
            zh_cn: None,
        };
        assert_eq!(only_en.get(Lang::ZhCn), "Backups");
        assert!(!only_en.has(Lang::ZhCn));
        let both = Text::both("Backups", "备份");
        assert_eq!(both.get(Lang::ZhCn), "备份");
        assert_eq!(both.get(Lang::En), "Backups");
        assert_eq!(Text::Plain("x".into()).get(Lang::ZhCn), "x");
    }

    #[test]
    fn tags_round_trip_and_accept_browser_variants() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::En.other(), Lang::ZhCn);
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(file_slug("Acme Ltd. / Shop <v2>"), "acme-ltd-shop-v2");
        assert_eq!(file_slug("商城 系统"), "商城-系统");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
    }
}
