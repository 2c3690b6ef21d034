//! Every word the interface shows, in Chinese and in English, and the language chosen.
//!
//! Components never hold their own strings: they take a `Phrase` from `chrome` (fixed text) or
//! call a function of `formatted` (text with numbers or names in it), in the language of the
//! `Lang` context. Core outcomes (errors, counts) are typed; `outcomes` chooses their words.
//! The language is the user's choice (`data-testid=lang`, remembered in this browser), at first
//! the browser's own.

pub mod chrome;
pub mod formatted;
pub mod titles;

use yew::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The key kept in local storage and written to `<html lang>`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The language for a browser's language tag (`navigator.language`): Chinese for any
    /// Chinese tag, English for everything else.
    pub fn for_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// Picks the one of two words for this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One piece of fixed text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Phrase {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const LANG_KEY: &str = "biaozhu.lang";

/// The language chosen in this browser, else the browser's own.
pub fn chosen_lang() -> Lang {
    crate::ui::browser::stored_setting(LANG_KEY)
        .and_then(|key| Lang::from_key(&key))
        .unwrap_or_else(|| Lang::for_browser(&crate::ui::browser::browser_language()))
}

/// Remembers `lang` and tells the page.
pub fn choose_lang(lang: Lang) {
    crate::ui::browser::save_setting(LANG_KEY, lang.key());
    crate::ui::browser::set_page_language(lang.key());
}

/// The language the interface is in (provided by the app).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
